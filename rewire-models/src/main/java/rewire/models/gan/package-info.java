/**
 * Sparse GANs kept in balance: a DCGAN-shaped generator and discriminator for 28x28 images
 * (Fashion-MNIST, or any IDX image set), two parameter groups updated in turn, every weight layer
 * sparse-capable with Erdos-Renyi-Kernel budgets, and the regimes of ADAPT (Wang, Wu, Hovakimyan and
 * Sun, "Balanced Training for Sparse GANs", NeurIPS 2023): dense, STATIC, SDST, DDA, ADAPT_relax and
 * ADAPT_strict, the last three controlling the discriminator's density by the balance ratio
 * ({@link rewire.models.gan.BalanceRatio}) through the DST engine's
 * {@link rewire.sparsity.DensityControl}. Sample quality without any download: FID-FMNIST,
 * KID-FMNIST and an IS-like score on the features of a Fashion-MNIST classifier that Rewire trains
 * and caches.
 */
package rewire.models.gan;

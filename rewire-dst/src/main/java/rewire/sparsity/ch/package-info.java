/**
 * Cannistraci-Hebb training (CHT, CHTs, CHTss; Zhang et al., NeurIPS 2025, arXiv 2501.19107):
 * gradient-free growth by link prediction on each sparse layer's bipartite graph, and the parts
 * of CHT that are specific to it.
 *
 * <ul>
 *   <li>{@link rewire.sparsity.ch.CannistraciHebb}: CH2-L3n and CH3-L3n scores of the missing
 *       links, computed a tile of rows at a time in work proportional to the length-3 paths, and
 *       selection by top-k or by proportional sampling (the soft rule of CHTs), as chosen by
 *       {@link rewire.sparsity.ch.RegrowSampling}, for a {@link rewire.sparsity.ch.CHVariant};</li>
 *   <li>{@link rewire.sparsity.ch.WeightedSampling}: sampling without replacement by
 *       Efraimidis-Spirakis keys, shared by the soft rules and the initialization;</li>
 *   <li>{@link rewire.sparsity.ch.SoftRemoval} and {@link rewire.sparsity.RelativeImportance}:
 *       the sampled removal of CHTs and its relative-importance score;</li>
 *   <li>{@link rewire.sparsity.ch.ChainRemoval}: removal of links left dangling at a dead
 *       neuron;</li>
 *   <li>{@link rewire.sparsity.ch.SigmoidSparsity} and {@link rewire.sparsity.ch.SoftTemperature}:
 *       the CHTss density decay and the CHTs removal temperature, as pure functions of the
 *       step;</li>
 *   <li>{@link rewire.sparsity.ch.BipartiteReceptiveField}: the BRF initial topology.</li>
 * </ul>
 *
 * <p>Everything here is pure: patterns and scores in, positions or patterns out. The DST engine
 * in {@code rewire.sparsity} turns them into a {@code Remap}. Row {@code r} of a pattern is an
 * output neuron, column {@code c} an input neuron, and a position is {@code r * cols + c}.
 *
 * <p>Part of layer {@code sparsity} of rewire-core: imports {@code tensor}, {@code sparse},
 * {@code kernel} and {@code optim} only.
 */
package rewire.sparsity.ch;

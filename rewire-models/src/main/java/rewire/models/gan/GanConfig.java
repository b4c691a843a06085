package rewire.models.gan;

import java.nio.file.Path;
import rewire.run.LoopSettings;

/**
 * The configuration of a GAN run ({@code workload: gan}): a DCGAN-shaped generator and
 * discriminator for 28x28 images (Fashion-MNIST, or any IDX image set whose sides divide by 4),
 * trained with alternating updates, each network sparse or dense by the {@code balance.regime}
 * (dense, STATIC, SDST, DDA, ADAPT_relax, ADAPT_strict; Wang et al., "Balanced Training for Sparse
 * GANs", NeurIPS 2023), and judged by FID-FMNIST, KID-FMNIST and an Inception-Score-like score on
 * the features of a Fashion-MNIST classifier trained by Rewire ({@code quality}). One training
 * step is one discriminator update, plus a generator update at every {@code gan.nCritic}-th step,
 * so {@code train.epochs × gan.stepsPerEpoch} is the number of discriminator updates.
 *
 * @param workload {@code gan}
 * @param name     the run's name, the start of its folder's name: letters, digits, '.', '_' or '-'
 * @param seed     the seed of every random draw of the run (data order, latent codes, initialization, topology)
 * @param model    the networks section
 * @param data     the data section
 * @param gan      the adversarial training section
 * @param balance  the sparsity regime and ADAPT's control section
 * @param quality  the sample-quality section (FID-FMNIST, KID-FMNIST, IS-like)
 * @param train    the training loop section
 * @param optim    the optimizer section
 */
public record GanConfig(String workload, String name, long seed, GanModelSettings model, GanDataSettings data,
                        GanSettings gan, BalanceSettings balance, QualitySettings quality, LoopSettings train,
                        GanOptimSettings optim) {

    public static final String WORKLOAD = "gan";

    public GanConfig {
        if (!workload.equals(WORKLOAD)) {
            throw new IllegalArgumentException("workload must be '" + WORKLOAD + "' for a GAN run, got '" + workload
                    + "'");
        }
        if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
    }

    public static GanConfig defaults() {
        return new GanConfig(WORKLOAD, "gan-adapt", 1, GanModelSettings.defaults(), GanDataSettings.defaults(),
                GanSettings.defaults(), BalanceSettings.defaults(), QualitySettings.defaults(),
                new LoopSettings(10, 50, 0, 0, 3, 0, Path.of("runs")), GanOptimSettings.defaults());
    }

    /** Discriminator updates of the whole run (the schedules' plan). */
    public long plannedSteps() {
        return (long) train.plannedEpochs() * gan.stepsPerEpoch();
    }
}

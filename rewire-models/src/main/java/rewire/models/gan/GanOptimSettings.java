package rewire.models.gan;

import rewire.optim.Optim;
import rewire.optim.Transform;

/**
 * The optimizer section of a GAN run: one Adam per network, with the GAN betas (DCGAN's
 * {@code (0.5, 0.999)}; SNGAN and ADAPT use {@code (0, 0.9)} with five discriminator updates per
 * generator update).
 *
 * @param lrG   the generator's learning rate
 * @param lrD   the discriminator's learning rate
 * @param beta1 Adam's first-moment decay, both networks
 * @param beta2 Adam's second-moment decay, both networks
 */
public record GanOptimSettings(double lrG, double lrD, double beta1, double beta2) {

    public GanOptimSettings {
        if (!(lrG > 0) || !(lrD > 0)) {
            throw new IllegalArgumentException("optim: lrG and lrD must be positive, got " + lrG + " and " + lrD);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("optim: beta1 and beta2 must be in [0, 1), got " + beta1 + " and "
                    + beta2);
        }
    }

    public static GanOptimSettings defaults() {
        return new GanOptimSettings(2e-4, 2e-4, 0.5, 0.999);
    }

    /** The generator's Adam. */
    public Transform generator() {
        return Optim.adam(lrG, beta1, beta2, 1e-8);
    }

    /** The discriminator's Adam. */
    public Transform discriminator() {
        return Optim.adam(lrD, beta1, beta2, 1e-8);
    }
}

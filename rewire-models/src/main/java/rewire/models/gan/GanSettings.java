package rewire.models.gan;

/**
 * The adversarial training section of a GAN run.
 *
 * @param loss          the losses: hinge (SNGAN, the ADAPT setting) or bce (DCGAN's non-saturating loss)
 * @param nCritic       discriminator updates per generator update (the generator trains at every
 *                      nCritic-th step)
 * @param ema           the decay of the generator's exponential moving average, the copy that is
 *                      evaluated and sampled (0.999 in ADAPT); 0 evaluates the trained generator itself
 * @param stepsPerEpoch training steps (discriminator updates) per epoch, the unit of train.epochs and
 *                      of evaluation
 * @param brEvery       generator updates between two measurements of the balance ratio (br_freq); an update
 *                      that also rewired the generator (its DST step) is not measured
 * @param brWindow      measurements the balance ratio averages (da_iters / br_freq); the queue's bound
 */
public record GanSettings(Loss loss, int nCritic, double ema, long stepsPerEpoch, int brEvery, int brWindow) {

    /** The adversarial losses ({@code gan.loss}). */
    public enum Loss {
        /**
         * Hinge: the discriminator minimizes {@code mean max(0, 1 - D(x)) + mean max(0, 1 + D(G(z)))},
         * the generator {@code -mean D(G(z))}.
         */
        HINGE,
        /**
         * Binary cross-entropy: the discriminator's {@code -log σ(D(x)) - log(1 - σ(D(G(z))))}, the
         * generator's non-saturating {@code -log σ(D(G(z)))}.
         */
        BCE
    }

    public GanSettings {
        if (loss == null) {
            throw new IllegalArgumentException("gan.loss must be set");
        }
        if (nCritic < 1 || stepsPerEpoch < 1 || brEvery < 1 || brWindow < 1) {
            throw new IllegalArgumentException("gan: nCritic, stepsPerEpoch, brEvery and brWindow must be positive, got "
                    + nCritic + ", " + stepsPerEpoch + ", " + brEvery + ", " + brWindow);
        }
        if (!(ema >= 0 && ema < 1)) {
            throw new IllegalArgumentException("gan.ema must be in [0, 1), got " + ema);
        }
    }

    public static GanSettings defaults() {
        return new GanSettings(Loss.HINGE, 1, 0.999, 500, 5, 20);
    }
}

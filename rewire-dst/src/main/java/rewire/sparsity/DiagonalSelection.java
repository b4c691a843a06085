package rewire.sparsity;

/**
 * How DynaDiag learns each layer's diagonals over a run (Tyagi et al., ICML 2025; METHODS F.1-F.2):
 * every layer keeps {@link Diagonals#budget} diagonals for {@code density}; until
 * {@code freezeStep} its importance logits train through a soft top-K whose temperature anneals
 * once per epoch from {@code tauMax} to {@code tauMin} over the run's epochs; at
 * {@code freezeStep} each layer keeps its K diagonals of largest logit at weight 1 and drops the
 * rest, and trains as K diagonals to the end. With {@code denseLast} the model's last weight layer
 * (the classifier head) has no gate and stays dense, as in the released code's MLP.
 *
 * @param density       the density every layer ends at (K diagonals of D entries)
 * @param tauMax        the temperature of the first epoch
 * @param tauMin        the temperature of the last epoch
 * @param anneal        the curve between them
 * @param freezeStep    the first step after the freeze, at least 1
 * @param stepsPerEpoch the run's steps per epoch
 * @param epochs        the epochs the temperature anneals over, at least 1
 * @param denseLast     whether the last weight layer stays dense, without a gate
 */
public record DiagonalSelection(double density, double tauMax, double tauMin, Anneal anneal, long freezeStep,
                                long stepsPerEpoch, long epochs, boolean denseLast) {

    /** The temperature curves of DynaDiag's released code that are offered here; cosine is its default. */
    public enum Anneal {
        /** {@code τ(e) = τ_min + ½(τ_max − τ_min)(1 + cos(π e / (E − 1)))}. */
        COSINE,
        /** {@code τ(e) = τ_max + (τ_min − τ_max) e / (E − 1)}. */
        LINEAR,
        /** {@code τ(e) = τ_max (τ_min / τ_max)^(e / (E − 1))}. */
        EXPONENTIAL
    }

    public DiagonalSelection {
        Distribution.requireDensity(density, "DynaDiag density");
        if (!(tauMin > 0 && tauMax >= tauMin)) {
            throw new IllegalArgumentException("DynaDiag needs 0 < tauMin <= tauMax, got tauMin " + tauMin + " and tauMax "
                    + tauMax);
        }
        if (freezeStep < 1 || stepsPerEpoch < 1 || epochs < 1) {
            throw new IllegalArgumentException("DynaDiag needs a freeze step, steps per epoch and epochs of at least 1, "
                    + "got " + freezeStep + ", " + stepsPerEpoch + " and " + epochs);
        }
    }

    /** K for a {@code rows x cols} layer. */
    public int budget(int rows, int cols) {
        return Diagonals.budget(rows, cols, density);
    }

    /** The temperature of the epoch that holds {@code step}; the last epoch's after the run's end. */
    public double temperature(long step) {
        if (epochs == 1) {
            return tauMax;
        }
        double t = Math.min(1, (double) (step / stepsPerEpoch) / (epochs - 1));
        return switch (anneal) {
            case COSINE -> tauMin + 0.5 * (tauMax - tauMin) * (1 + Math.cos(Math.PI * t));
            case LINEAR -> tauMax + (tauMin - tauMax) * t;
            case EXPONENTIAL -> tauMax * Math.pow(tauMin / tauMax, t);
        };
    }

    /** Whether the layers are K diagonals at {@code step}. */
    public boolean frozenAt(long step) {
        return step >= freezeStep;
    }
}

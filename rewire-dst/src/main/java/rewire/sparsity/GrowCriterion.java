package rewire.sparsity;

import java.util.Arrays;
import java.util.List;
import rewire.optim.MomentRule;
import rewire.optim.Slots;

/**
 * Chooses where a layer grows new connections, among positions outside the pattern left after
 * pruning and within the {@link Constraint}. Growth never picks a kept position. Whether it may
 * pick a position pruned at the same update is {@link #regrowsPruned()}: every method in METHODS
 * allows it (RigL: "a weight dropped in this same step can be regrown"; SET, SNFS, MST and CHT
 * grow among all positions inactive after pruning), so it is the default; such an entry keeps its
 * value and optimizer state, and the report counts it as regrown.
 *
 * <p>Call order per update: {@link #redistribute} once across layers (only if
 * {@link #redistributes()}), then {@link #select} once per layer.
 */
public interface GrowCriterion {

    /** A short name for reports. */
    String name();

    /**
     * The positions to grow for one layer, with the FLOPs spent scoring them
     * ({@link Selection#scoringFlops}, which the layer's {@link RewireReport.Layer} carries).
     */
    Selection select(GrowRequest request);

    /** Whether positions pruned at this update may be grown back at once (default true). */
    default boolean regrowsPruned() {
        return true;
    }

    /** Whether {@link #redistribute} moves growth between layers. */
    default boolean redistributes() {
        return false;
    }

    /**
     * Per-layer growth counts across layers; the default keeps {@code counts}.
     *
     * @param counts growth each layer's own budget asks for
     * @param room   free positions of each layer after pruning
     */
    default int[] redistribute(List<LayerView> layers, int[] counts, int[] room, Slots slots) {
        return counts;
    }

    /**
     * Whether this criterion scores the dense gradient {@code dy · xᵀ}: the trainer must give the
     * layer views their last batch, and the update step costs a dense weight gradient in FLOPs.
     */
    default boolean needsDenseGradient() {
        return false;
    }

    /**
     * The drop fraction of each layer at an update whose schedule gives {@code zeta}: {@code zeta}
     * for every layer, unless the criterion moves growth between layers and lowers the rate of a
     * layer it fills (SNFS).
     */
    default double[] pruneRates(List<LayerView> layers, double zeta, Slots slots) {
        double[] rates = new double[layers.size()];
        Arrays.fill(rates, zeta);
        return rates;
    }

    /**
     * Whether this criterion keeps a {@link DenseMomentum} that its {@link RewireState} folds every
     * step's dense gradient into (SNFS): a dense weight gradient per step in FLOPs.
     */
    default boolean needsDenseMomentum() {
        return false;
    }

    /**
     * The state this criterion keeps for a {@code rows x cols} layer across steps; none by default.
     *
     * @param optimizerMoments how the run's optimizer moves its moments (SNFS keeps them at every position)
     */
    default CriterionState newState(int rows, int cols, MomentRule optimizerMoments) {
        return CriterionState.none();
    }

    /** This criterion as one score per position and a key rule, for global ranking; null if it is composite. */
    default ScoredGrowth asScored() {
        return null;
    }

    /** Uniformly random positions (SET). */
    static GrowCriterion random() {
        return new ScoredGrowth("random", null, KeyRule.uniform());
    }

    /** Largest |dense gradient| (RigL), streamed in tiles; needs {@link LayerView#withBatch}. */
    static GrowCriterion gradient() {
        return new ScoredGrowth("gradient", new GradientScorer(), KeyRule.top());
    }

    /**
     * Sparse momentum (SNFS) with cross-layer redistribution; keeps a {@link DenseMomentum} per
     * layer in the {@link RewireState} and reads the optimizer's moments by
     * {@link rewire.optim.SlotRole}.
     */
    static GrowCriterion momentum() {
        return new MomentumGrowth();
    }

    /** MST's mixed growing: {@code r / (r + 1)} of the growth by gradient, the rest at random. */
    static GrowCriterion gradientRandomMix(double ratio) {
        if (!(ratio >= 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("gradient:random ratio must be finite and non-negative, got " + ratio);
        }
        return mixed(gradient(), random(), ratio / (ratio + 1));
    }

    /** {@code share} of each quota by {@code first}, the rest by {@code second}. */
    static GrowCriterion mixed(GrowCriterion first, GrowCriterion second, double share) {
        return new MixedGrowth(first, second, share);
    }

    /** Hard top-k of any per-position score: the seam for Cannistraci-Hebb link prediction. */
    static GrowCriterion scored(String name, LayerScorer scorer) {
        return new ScoredGrowth(name, scorer, KeyRule.top());
    }

    /** Sampling without replacement in proportion to another criterion's scores (CHTs soft regrowth). */
    static GrowCriterion sampled(GrowCriterion base) {
        ScoredGrowth s = base.asScored();
        if (s == null || !s.rule().usesScores()) {
            throw new IllegalArgumentException("sampled growth needs a scored criterion, got " + base.name());
        }
        return new ScoredGrowth("sampled-" + s.name(), s.scorer(), KeyRule.proportional(1.0));
    }

    /** No growth (gradual pruning). */
    static GrowCriterion none() {
        return new NoGrowth();
    }

    /** {@code base}, but never growing a position pruned at the same update. */
    static GrowCriterion excludingPruned(GrowCriterion base) {
        return new ExcludingPruned(base);
    }

    /** Grows nothing. */
    record NoGrowth() implements GrowCriterion {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public Selection select(GrowRequest request) {
            return Selection.empty();
        }
    }

    /** Another criterion that may not regrow just-pruned positions. */
    record ExcludingPruned(GrowCriterion base) implements GrowCriterion {
        @Override
        public String name() {
            return base.name() + "-no-regrow";
        }

        @Override
        public Selection select(GrowRequest request) {
            return base.select(request);
        }

        @Override
        public boolean regrowsPruned() {
            return false;
        }

        @Override
        public boolean redistributes() {
            return base.redistributes();
        }

        @Override
        public int[] redistribute(List<LayerView> layers, int[] counts, int[] room, Slots slots) {
            return base.redistribute(layers, counts, room, slots);
        }

        @Override
        public ScoredGrowth asScored() {
            return base.asScored();
        }

        @Override
        public boolean needsDenseGradient() {
            return base.needsDenseGradient();
        }

        @Override
        public boolean needsDenseMomentum() {
            return base.needsDenseMomentum();
        }

        @Override
        public double[] pruneRates(List<LayerView> layers, double zeta, Slots slots) {
            return base.pruneRates(layers, zeta, slots);
        }

        @Override
        public CriterionState newState(int rows, int cols, MomentRule optimizerMoments) {
            return base.newState(rows, cols, optimizerMoments);
        }
    }
}

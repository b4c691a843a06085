package rewire.sparsity;

import java.util.ArrayList;
import java.util.List;
import rewire.kernel.DenseScores;
import rewire.kernel.Kernels;
import rewire.nn.SparseParam;
import rewire.optim.MomentRule;
import rewire.optim.Schedule;
import rewire.optim.Slots;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * One DST algorithm: an immutable configuration of parts (ARCHITECTURE.md, "One rewire step").
 * At an update step, for each layer: target nnz from the density schedule and the distribution
 * (or the current count when there is no density schedule), prune and grow counts from the drop
 * rule and the drop-fraction schedule, pruning by the prune criterion (keep the best), growth by
 * the grow criterion among free positions, all within the constraint; then one
 * {@link rewire.sparse.Remap} moves weights, gradients and every optimizer slot.
 *
 * @param cadence           when to update
 * @param density           global density per step, or null to keep every layer's count
 * @param dropFraction      the fraction of connections replaced per update
 * @param dropRule          how counts follow from nnz, target and drop fraction
 * @param distribution      how a global density splits into layers (used with {@code density})
 * @param prune             the prune criterion
 * @param shrinkPrune       the criterion for the shrink stage of {@link DropRule#shrinkThenDrop()}, or null for {@code prune}
 * @param grow              the grow criterion
 * @param constraint        the structure every pattern keeps
 * @param scope             per-layer or global ranking
 * @param init              first values of grown weights
 * @param skipOptimizerStep whether the trainer skips the optimizer step at update steps (MST, CHT; METHODS Appendix 1.5)
 * @param tileFloats        the largest score tile held at once
 * @param control           a density set at run time (ADAPT), in place of the density and drop-fraction
 *                          schedules at every update step; null for none
 * @param ablation          SRigL's neuron ablation before each layer's pruning, or null for none; it needs
 *                          the constant fan-in constraint, which it turns into
 *                          {@code constant-fan-in+ablation} (non-empty rows hold one count), and a
 *                          grow criterion with scores
 * @param topology          how first patterns are drawn, or null for uniformly at random within the constraint
 *                          (only with unstructured layers)
 * @param afterPrune        a change to all layers' kept patterns between pruning and growth (CHT's chain
 *                          removal), or null for none; per-layer scope only
 */
public record Rewirer(Cadence cadence, Schedule density, Schedule dropFraction, DropRule dropRule,
                      Distribution distribution, PruneCriterion prune, PruneCriterion shrinkPrune, GrowCriterion grow,
                      Constraint constraint, Scope scope, GrowthInit init, boolean skipOptimizerStep, int tileFloats,
                      DensityControl control, NeuronAblation ablation, InitialTopology topology,
                      AfterPrune afterPrune) {

    public Rewirer {
        requireAll(cadence, dropFraction, dropRule, distribution, prune, grow, constraint, scope, init);
        if (ablation != null) {
            if (!(constraint instanceof Grouped g && g.isFanIn())) {
                throw new IllegalArgumentException("neuron ablation needs the constant fan-in constraint, got "
                        + constraint.name());
            }
            if (grow.asScored() == null || !grow.asScored().rule().usesScores()) {
                throw new IllegalArgumentException("neuron ablation ranks the grow criterion's scores; " + grow.name()
                        + " has none");
            }
            constraint = Grouped.ablatingFanIn();
        }
        if (tileFloats < 1) {
            throw new IllegalArgumentException("tile size must be positive, got " + tileFloats);
        }
        if (scope == Scope.GLOBAL && !(constraint instanceof Unstructured)) {
            throw new IllegalArgumentException("global ranking supports unstructured layers only, got " + constraint.name());
        }
        if (scope == Scope.GLOBAL && (grow.redistributes()
                || (grow.asScored() == null && !(grow instanceof GrowCriterion.NoGrowth)))) {
            throw new IllegalArgumentException("global ranking needs a single-score grow criterion, got " + grow.name());
        }
        if (topology != null && !(constraint instanceof Unstructured)) {
            throw new IllegalArgumentException("an initial topology other than random needs unstructured layers, got "
                    + constraint.name());
        }
        if (afterPrune != null && scope == Scope.GLOBAL) {
            throw new IllegalArgumentException("a change after pruning (chain removal) works with per-layer ranking only");
        }
        if (control != null && density != null) {
            throw new IllegalArgumentException("a controlled density replaces the density schedule: give one or the other");
        }
        if (grow.redistributes() && (density != null || control != null || !(constraint instanceof Unstructured))) {
            throw new IllegalArgumentException(grow.name() + " moves growth between layers, so it needs a constant "
                    + "total (no density schedule) and unstructured layers");
        }
    }

    /** A builder starting from: no updates, constant count, drop fraction 0, overlap rule, uniform, magnitude, random growth, unstructured, per layer, zero init. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether {@code step} is an update step. */
    public boolean isUpdate(long step) {
        return cadence.isUpdate(step);
    }

    /** Whether the trainer should skip the optimizer step at {@code step}. */
    public boolean skipsOptimizerStepAt(long step) {
        return skipOptimizerStep && cadence.isUpdate(step);
    }

    /**
     * The state this rewirer keeps across steps for these layers, in this order: the positions
     * ever active and the grow criterion's state (SNFS's dense momentum, which follows
     * {@code optimizerMoments}, the run's optimizer: {@link rewire.optim.Transform#momentRule()}).
     * One per run; pass it to every {@link #maybeRewire} call and, for SNFS,
     * {@link RewireState#observe} every step.
     */
    public RewireState newState(List<SparseParam> layers, MomentRule optimizerMoments) {
        return new RewireState(layers, grow, control, optimizerMoments);
    }

    /** {@link #newState(List, MomentRule)} for an optimizer that is SGD with momentum 0.9 (SNFS's setting). */
    public RewireState newState(List<SparseParam> layers) {
        return newState(layers, DenseMomentum.SNFS_DEFAULT);
    }

    /**
     * Rewires if {@code step} is an update step, with {@link Kernels#defaults()} and a fresh
     * {@link #newState}: for one-off updates by criteria that keep no state across steps (the
     * report's exploration rate then counts from this update).
     */
    public RewireReport maybeRewire(long step, List<LayerView> layers, Slots slots, Rng rng) {
        return maybeRewire(step, layers, slots, newState(layers.stream().map(LayerView::param).toList()), rng,
                Kernels.defaults());
    }

    /**
     * Rewires every layer if the cadence says {@code step} is an update step, and moves
     * {@code state} through each layer's remap. Randomness comes from {@code rng.fold(step)}, so it
     * depends on the step, not on earlier updates; {@code rng} itself is not advanced. With a
     * {@link DensityControl}, its decision gives the target density and the drop fraction, and a
     * decision to hold makes the step change nothing.
     *
     * @param state this run's {@link #newState} for {@code layers}, in the same order
     * @return what changed, or {@link RewireReport#skipped} when {@code step} is not an update step
     *     or the control holds
     */
    public RewireReport maybeRewire(long step, List<LayerView> layers, Slots slots, RewireState state, Rng rng,
                                    Kernels kernels) {
        if (!cadence.isUpdate(step)) {
            return RewireReport.skipped(step);
        }
        if (control == null) {
            return new RewireStep(this, step, layers, slots, state, rng.fold(step), kernels, targets(step, layers),
                    checkedFraction(dropFraction.at(step), "drop fraction at step " + step)).run();
        }
        DensityControl.Decision decision = control.decide(step, state.control());
        if (decision.action() == DensityControl.Action.HOLD) {
            return RewireReport.skipped(step);
        }
        RewireReport report = new RewireStep(this, step, layers, slots, state, rng.fold(step), kernels,
                targetsAt(decision.density(), layers), checkedFraction(decision.dropFraction(),
                "controlled drop fraction at step " + step)).run();
        state.control().set(decision.density());
        return report;
    }

    /**
     * Each layer's connection count after an update at {@code step}: the distribution's split of
     * the scheduled density, or the current count without a density schedule; rounded to what the
     * constraint can hold.
     */
    public int[] targets(long step, List<LayerView> layers) {
        if (density != null) {
            return targetsAt(checkedFraction(density.at(step), "density at step " + step), layers);
        }
        int[] out = new int[layers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = layers.get(i).param().pattern().nnz();
        }
        return feasible(out, layers);
    }

    /** Each layer's connection count at global density {@code d}: the distribution's split, made feasible. */
    int[] targetsAt(double d, List<LayerView> layers) {
        List<LayerShape> shapes = layers.stream().map(LayerView::shape).toList();
        return feasible(distribution.nnz(shapes, d), layers);
    }

    // each count rounded to what the layer's constraint can hold
    private int[] feasible(int[] out, List<LayerView> layers) {
        for (int i = 0; i < out.length; i++) {
            LayerView l = layers.get(i);
            out[i] = constraint.feasibleNnz(l.param().rows(), l.param().cols(), out[i]);
        }
        return out;
    }

    /**
     * Initial patterns for layers of these shapes at global {@code initialDensity}, split by the
     * distribution and satisfying the constraint, drawn by the topology (uniformly at random without
     * one); layer {@code i} draws from {@code rng.fold(i)}.
     */
    public List<SparsityPattern> initialPatterns(List<LayerShape> shapes, double initialDensity, Rng rng) {
        int[] counts = distribution.nnz(shapes, initialDensity);
        List<SparsityPattern> out = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            LayerShape s = shapes.get(i);
            int nnz = constraint.feasibleNnz(s.rows(), s.cols(), counts[i]);
            out.add(topology == null ? constraint.randomPattern(s.rows(), s.cols(), nnz, rng.fold(i))
                    : topology.pattern(s.rows(), s.cols(), nnz, rng.fold(i)));
        }
        return out;
    }

    static double checkedFraction(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalStateException(what + " is " + value + ", outside [0, 1]");
        }
        return value;
    }

    private static void requireAll(Object... parts) {
        String[] names = {"cadence", "drop fraction", "drop rule", "distribution", "prune criterion",
            "grow criterion", "constraint", "scope", "init"};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new IllegalArgumentException("rewirer " + names[i] + " must not be null");
            }
        }
    }

    /** Assembles a {@link Rewirer}; every part has a default. */
    public static final class Builder {
        private Cadence cadence = Cadence.never();
        private Schedule density;
        private Schedule dropFraction = Schedule.constant(0);
        private DropRule dropRule = DropRule.overlap();
        private Distribution distribution = Distribution.uniform();
        private PruneCriterion prune = PruneCriterion.magnitude();
        private PruneCriterion shrinkPrune;
        private GrowCriterion grow = GrowCriterion.random();
        private Constraint constraint = Constraint.unstructured();
        private Scope scope = Scope.PER_LAYER;
        private GrowthInit init = GrowthInit.zero();
        private boolean skipOptimizerStep;
        private int tileFloats = DenseScores.DEFAULT_TILE_FLOATS;
        private DensityControl control;
        private NeuronAblation ablation;
        private InitialTopology topology;
        private AfterPrune afterPrune;

        private Builder() {
        }

        private Builder(Rewirer r) {
            cadence = r.cadence;
            density = r.density;
            dropFraction = r.dropFraction;
            dropRule = r.dropRule;
            distribution = r.distribution;
            prune = r.prune;
            shrinkPrune = r.shrinkPrune;
            grow = r.grow;
            constraint = r.constraint;
            scope = r.scope;
            init = r.init;
            skipOptimizerStep = r.skipOptimizerStep;
            tileFloats = r.tileFloats;
            control = r.control;
            ablation = r.ablation;
            topology = r.topology;
            afterPrune = r.afterPrune;
        }

        public Builder cadence(Cadence v) {
            cadence = v;
            return this;
        }

        /** Global density per step; null keeps every layer's count. */
        public Builder density(Schedule v) {
            density = v;
            return this;
        }

        public Builder dropFraction(Schedule v) {
            dropFraction = v;
            return this;
        }

        public Builder dropRule(DropRule v) {
            dropRule = v;
            return this;
        }

        public Builder distribution(Distribution v) {
            distribution = v;
            return this;
        }

        public Builder prune(PruneCriterion v) {
            prune = v;
            return this;
        }

        public Builder shrinkPrune(PruneCriterion v) {
            shrinkPrune = v;
            return this;
        }

        public Builder grow(GrowCriterion v) {
            grow = v;
            return this;
        }

        public Builder constraint(Constraint v) {
            constraint = v;
            return this;
        }

        public Builder scope(Scope v) {
            scope = v;
            return this;
        }

        public Builder init(GrowthInit v) {
            init = v;
            return this;
        }

        public Builder skipOptimizerStep(boolean v) {
            skipOptimizerStep = v;
            return this;
        }

        public Builder tileFloats(int v) {
            tileFloats = v;
            return this;
        }

        /** A density set at run time by {@code c}, in place of the density schedule; null for none. */
        public Builder control(DensityControl c) {
            control = c;
            return this;
        }

        /** SRigL's neuron ablation, with the constant fan-in constraint. */
        public Builder ablation(NeuronAblation a) {
            ablation = a;
            return this;
        }

        /** How first patterns are drawn; null for uniformly at random. */
        public Builder topology(InitialTopology t) {
            topology = t;
            return this;
        }

        /** A change to all layers' kept patterns between pruning and growth; null for none. */
        public Builder afterPrune(AfterPrune a) {
            afterPrune = a;
            return this;
        }

        public Rewirer build() {
            return new Rewirer(cadence, density, dropFraction, dropRule, distribution, prune, shrinkPrune, grow,
                    constraint, scope, init, skipOptimizerStep, tileFloats, control, ablation, topology, afterPrune);
        }
    }
}

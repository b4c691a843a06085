package rewire.recipe;

/**
 * The typed options of every recipe, one record each. A component's type says what it holds
 * (counts, fractions, flags, parts from {@link Parts}), its {@link Option} annotation says what it
 * means and which values are valid; the recipe's defaults are a record value in
 * {@link RecipeBook}. {@link OptionReader} parses {@code key=value} text into these records once,
 * before training, and the compact constructors check what spans two options.
 */
public final class RecipeOptions {
    private static final String STEPS = "steps between updates";
    private static final String DISTRIBUTION = "how the global density splits into layers";
    private static final String CONSTRAINT = "the structure every layer keeps";
    private static final String INIT = "first value of grown weights";
    private static final String SKIP_STEP = "skip the optimizer step on update steps";
    private static final String PRUNE_RATE = "initial prune rate, cosine-decayed over the run";

    private RecipeOptions() {
    }

    /** Static sparse training. */
    public record Static(
            @Option(DISTRIBUTION) DistributionPart distribution,
            @Option(CONSTRAINT) ConstraintChoice constraint) {
    }

    /** SET. */
    public record Set(
            @Option(value = "fraction of each sign's weights replaced per update", min = 0, max = 1) double zeta,
            @Option(DISTRIBUTION) DistributionPart distribution,
            @Option("keep the output layer dense, as the reference MLP") boolean denseLast,
            @Option("how the weights to replace are chosen") PrunePart prune,
            @Option(INIT) InitChoice init,
            @Option(CONSTRAINT) ConstraintChoice constraint) {
    }

    /** RigL. */
    public record Rigl(
            @Option(value = STEPS, min = 1) long deltaT,
            @Option(value = "initial drop fraction, cosine-decayed to 0 at T_end", min = 0, max = 1) double zeta,
            @Option(value = "T_end as a fraction of the run; no update after it", min = 0, max = 1)
            double endFraction,
            @Option(DISTRIBUTION) DistributionPart distribution,
            @Option("skip the optimizer step on update steps (RigL-torch style)") boolean skipStep,
            @Option(INIT) InitChoice init,
            @Option(CONSTRAINT) ConstraintChoice constraint) {
    }

    /** SRigL: RigL at constant fan-in with neuron ablation. */
    public record Srigl(
            @Option(value = STEPS, min = 1) long deltaT,
            @Option(value = "initial drop fraction, cosine-decayed to 0 at T_end", min = 0, max = 1) double zeta,
            @Option(value = "T_end as a fraction of the run; no update after it", min = 0, max = 1)
            double endFraction,
            @Option(DISTRIBUTION) DistributionPart distribution,
            @Option(value = "gamma_sal: a neuron with fewer salient weights than this fraction of its fan-in is "
                    + "ablated; 0 never ablates", min = 0, max = 1) double minSalient,
            @Option(INIT) InitChoice init) {
    }

    /** SNFS, sparse momentum. */
    public record Snfs(
            @Option(value = PRUNE_RATE, min = 0, max = 1) double pruneRate,
            @Option(value = "prune-rate floor", min = 0, max = 1) double floor,
            @Option(DISTRIBUTION) DistributionPart distribution) {
    }

    /** The Fantastic Weights loop (fw, mest, random). */
    public record FantasticWeights(
            @Option("the removal criterion") PrunePart prune,
            @Option("the growth criterion") GrowPart grow,
            @Option(value = STEPS, min = 1) long deltaT,
            @Option(value = PRUNE_RATE, min = 0, max = 1) double pruneRate,
            @Option(value = "prune-rate floor", min = 0, max = 1) double floor,
            @Option(value = "MEST's gradient weight in |w| + gamma |g|", min = 0) double gamma,
            @Option(DISTRIBUTION) DistributionPart distribution,
            @Option(CONSTRAINT) ConstraintChoice constraint) {
    }

    /** Gradual magnitude pruning. */
    public record Gmp(
            @Option(value = "steps between pruning steps", min = 1) long deltaT,
            @Option(value = "pruning starts at this fraction of the run", min = 0, max = 1) double startFraction,
            @Option(value = "the final density is reached at this fraction of the run", min = 0, max = 1)
            double endFraction,
            @Option("where pruning ranks the weights") ScopePart scope,
            @Option(DISTRIBUTION) DistributionPart distribution) {
        public Gmp {
            if (!(startFraction < endFraction)) {
                throw new IllegalArgumentException("startFraction " + startFraction + " must be below endFraction "
                        + endFraction);
            }
        }
    }

    /** Sparse-to-dense: gradual growth, GMP run upward. */
    public record SparseToDense(
            @Option(value = "steps between growth steps", min = 1) long deltaT,
            @Option(value = "growth starts at this fraction of the run", min = 0, max = 1) double startFraction,
            @Option(value = "the final density is reached at this fraction of the run", min = 0, max = 1)
            double endFraction,
            @Option(value = "density at the end of the growth", min = 0, max = 1, aboveMin = true) double finalDensity,
            @Option("how new connections are chosen") GrowPart grow,
            @Option(DISTRIBUTION) DistributionPart distribution) {
        public SparseToDense {
            if (!(startFraction < endFraction)) {
                throw new IllegalArgumentException("startFraction " + startFraction + " must be below endFraction "
                        + endFraction);
            }
            if (grow == GrowPart.NONE || grow == GrowPart.MOMENTUM) {
                throw new IllegalArgumentException("grow=" + grow.key() + " cannot raise the density to a schedule: "
                        + "choose random, gradient, ch or ch3");
            }
        }
    }

    /** CHT. */
    public record Cht(
            @Option(value = "fraction replaced per update", min = 0, max = 1) double zeta,
            @Option("cosine-decay zeta over the run") boolean adaptiveZeta,
            @Option("the Cannistraci-Hebb (or other) grow criterion") GrowPart grower,
            @Option(DISTRIBUTION) DistributionPart distribution,
            @Option(SKIP_STEP) boolean skipStep) {
    }

    /** CHTs: soft removal and sampled regrowth. */
    public record Chts(
            @Option(value = STEPS, min = 1) long deltaT,
            @Option(value = "fraction replaced per update", min = 0, max = 1) double zeta,
            @Option("cosine-decay zeta over the run") boolean adaptiveZeta,
            @Option(value = "soft-removal temperature at the start", min = 0) double temperatureStart,
            @Option(value = "soft-removal temperature at the end", min = 0) double temperatureEnd,
            @Option("how regrowth picks among the CH scores") SamplingPart regrowSampling,
            @Option("the Cannistraci-Hebb (or other) grow criterion") GrowPart grower,
            @Option(DISTRIBUTION) DistributionPart distribution,
            @Option(SKIP_STEP) boolean skipStep,
            @Option("how each layer's first pattern is drawn") TopologyPart topology,
            @Option(value = "BRF's randomness r: 0 links each neuron to its nearest, 1 uniformly at random", min = 0,
                    max = 1) double brfRandomness,
            @Option("after removal, drop the links of neurons left without inputs or outputs (plain MLPs)")
            boolean chainRemoval) {
    }

    /** CHTss: CHTs (whose options it takes as its own) with a sigmoid density decay. */
    public record Chtss(
            Chts soft,
            @Option(value = "density at the start of the sigmoid decay (1 - s0)", min = 0, max = 1, aboveMin = true)
            double initialDensity,
            @Option(value = "the decay ends at this fraction of the run", min = 0, max = 1) double pruningEndFraction,
            @Option("criterion of the decay's shrink stage") PrunePart shrinkPrune) {
    }

    /** MST, Mixed Sparsity Training. */
    public record Mst(
            @Option(value = STEPS, min = 1) long deltaT,
            @Option(value = "drop fraction at the start of each phase, cosine-decayed within it", min = 0, max = 1)
            double zeta,
            @Option(value = "end of the dense-to-sparse warm-up, as a fraction of the run", min = 0, max = 1)
            double warmupEndFraction,
            @Option(value = "start of the restoration back toward dense, as a fraction of the run", min = 0, max = 1)
            double restoreStartFraction,
            @Option(value = "density at the end of the run", min = 0, max = 1, aboveMin = true) double finalDensity,
            @Option("grow part by gradient, part at random") boolean mixedGrowing,
            @Option(value = "gradient:random ratio r of mixed growing", min = 0) double ratio,
            @Option("the removal criterion") PrunePart prune,
            @Option(DISTRIBUTION) DistributionPart distribution,
            @Option(SKIP_STEP) boolean skipStep) {
        public Mst {
            if (!(warmupEndFraction <= restoreStartFraction)) {
                throw new IllegalArgumentException("warmupEndFraction " + warmupEndFraction
                        + " must not be above restoreStartFraction " + restoreStartFraction);
            }
        }
    }

    /** N:M with SR-STE. */
    public record NmSrSte(
            @Option(value = "entries kept per group", min = 1) int n,
            @Option(value = "group size along the inputs", min = 1) int m,
            @Option(value = "decay of the pruned entries", min = 0) double lambda) {
        public NmSrSte {
            if (n > m) {
                throw new IllegalArgumentException("n = " + n + " must not exceed m = " + m);
            }
        }
    }

    /** DynaDiag. */
    public record DynaDiag(
            @Option(value = "temperature of the soft top-K in the first epoch", min = 0, aboveMin = true) double tauMax,
            @Option(value = "temperature of the soft top-K in the last epoch", min = 0, aboveMin = true) double tauMin,
            @Option("the temperature curve over the run's epochs") AnnealPart anneal,
            @Option(value = "the freeze to the top K diagonals, as a fraction of the run", min = 0, max = 1,
                    aboveMin = true) double freezeFraction,
            @Option("keep the last layer (the classifier head) dense, without a gate") boolean denseLast) {
        public DynaDiag {
            if (tauMin > tauMax) {
                throw new IllegalArgumentException("tauMin " + tauMin + " must not exceed tauMax " + tauMax);
            }
        }
    }
}

package rewire.recipe;

import java.util.List;
import java.util.Set;
import rewire.optim.Schedule;
import rewire.recipe.Recipes.Plan;
import rewire.recipe.Recipes.Spec;
import rewire.recipe.Recipes.Wiring;
import rewire.sparsity.Cadence;
import rewire.sparsity.Constraint;
import rewire.sparsity.DiagonalSelection;
import rewire.sparsity.Distribution;
import rewire.sparsity.DropRule;
import rewire.sparsity.GrowCriterion;
import rewire.sparsity.NeuronAblation;
import rewire.sparsity.PruneCriterion;
import rewire.sparsity.Rewirer;
import rewire.sparsity.SparsitySchedules;
import rewire.sparsity.SrSte;
import rewire.sparsity.ch.BipartiteReceptiveField;
import rewire.sparsity.ch.ChainRemoval;
import rewire.sparsity.ch.SigmoidSparsity;
import rewire.sparsity.ch.SoftTemperature;

/** The definitions behind {@link Recipes#standard()}; docs/methods.md explains every default. */
final class RecipeBook {
    private static final String SET_PAPER = "Mocanu et al., Nature Communications 2018 (SET)";
    private static final String RIGL_PAPER = "Evci et al., ICML 2020 (RigL)";
    private static final String FW_PAPER = "Nowak et al., NeurIPS 2023 (Fantastic Weights)";
    private static final String CHT_PAPER = "Zhang et al., ICLR 2024 (CHT); NeurIPS 2025 (CHTs, CHTss)";
    private static final RecipeOptions.FantasticWeights FW = new RecipeOptions.FantasticWeights(PrunePart.MAGNITUDE,
            GrowPart.RANDOM, 800, 0.5, 0.005, 1.0, DistributionPart.ERK, ConstraintChoice.UNSTRUCTURED);
    private static final RecipeOptions.Chts CHTS = new RecipeOptions.Chts(100, 0.1, true, 1, 9, SamplingPart.TOPK,
            GrowPart.CH, DistributionPart.UNIFORM, true, TopologyPart.RANDOM,
            BipartiteReceptiveField.EXAMPLE_RANDOMNESS, false);

    private RecipeBook() {
    }

    static List<Spec<?>> all() {
        return List.of(staticSparse(), set(), rigl(), snfs(), fantasticWeights("fw", PrunePart.MAGNITUDE),
                fantasticWeights("mest", PrunePart.MEST), fantasticWeights("random", PrunePart.RANDOM), gmp(),
                sparseToDense(), cht(),
                chts(), chtss(), mst(), nmSrSte(), dynaDiag(), srigl());
    }

    private static Spec<RecipeOptions.Static> staticSparse() {
        return new Spec<>("static", "static sparse training", "random sparse initialization, never rewired",
                new RecipeOptions.Static(DistributionPart.ERK, ConstraintChoice.UNSTRUCTURED),
                Set.of("distribution", "constraint"), (plan, o) -> Wiring.sparse(Rewirer.builder()
                        .distribution(o.distribution().distribution()).constraint(o.constraint().constraint()).build(),
                        plan));
    }

    private static Spec<RecipeOptions.Set> set() {
        return new Spec<>("set", SET_PAPER, "once per epoch, replace the weights of each sign nearest zero at random",
                new RecipeOptions.Set(0.3, DistributionPart.ER, true, PrunePart.SET, InitChoice.ZERO,
                        ConstraintChoice.UNSTRUCTURED), Set.of("prune", "constraint"), (plan, o) -> {
                    Distribution d = o.distribution().distribution();
                    return Wiring.sparse(Rewirer.builder()
                            .cadence(Cadence.perEpoch(plan.stepsPerEpoch()))
                            .dropFraction(Schedule.constant(o.zeta()))
                            .distribution(o.denseLast() ? d.denseLast() : d)
                            .prune(o.prune().criterion(1)).grow(GrowCriterion.random())
                            .init(o.init().init())
                            .constraint(o.constraint().constraint()).build(), plan);
                });
    }

    private static Spec<RecipeOptions.Rigl> rigl() {
        return new Spec<>("rigl", RIGL_PAPER, "every deltaT steps until T_end, drop the smallest magnitudes and grow "
                + "the largest dense gradients", new RecipeOptions.Rigl(100, 0.3, 0.75, DistributionPart.ERK, false,
                InitChoice.ZERO, ConstraintChoice.UNSTRUCTURED), Set.of("endFraction", "skipStep", "constraint"),
                (plan, o) -> {
                    long end = plan.stepsAt(o.endFraction());
                    return Wiring.sparse(Rewirer.builder()
                            .cadence(Cadence.every(o.deltaT(), 0, end))
                            .dropFraction(Schedule.cosine(o.zeta(), 0, end))
                            .distribution(o.distribution().distribution())
                            .prune(PruneCriterion.magnitude()).grow(GrowCriterion.gradient())
                            .init(o.init().init()).skipOptimizerStep(o.skipStep())
                            .constraint(o.constraint().constraint()).build(), plan);
                });
    }

    // RigL's loop at constant fan-in; the ablation runs before each layer's pruning
    private static Spec<RecipeOptions.Srigl> srigl() {
        return new Spec<>("srigl", "Lasby et al., ICLR 2024 (SRigL)", "RigL keeping every neuron's fan-in equal; "
                + "neurons with too few salient weights are ablated and their budget goes to the rest",
                new RecipeOptions.Srigl(100, 0.3, 0.75, DistributionPart.ERK, 0.3, InitChoice.ZERO),
                Set.of("endFraction"), (plan, o) -> {
                    long end = plan.stepsAt(o.endFraction());
                    Rewirer.Builder b = Rewirer.builder()
                            .cadence(Cadence.every(o.deltaT(), 0, end))
                            .dropFraction(Schedule.cosine(o.zeta(), 0, end))
                            .distribution(o.distribution().distribution())
                            .prune(PruneCriterion.magnitude()).grow(GrowCriterion.gradient())
                            .init(o.init().init())
                            .constraint(Constraint.constantFanIn());
                    return Wiring.sparse((o.minSalient() > 0 ? b.ablation(new NeuronAblation(o.minSalient())) : b)
                            .build(), plan);
                });
    }

    private static Spec<RecipeOptions.Snfs> snfs() {
        return new Spec<>("snfs", "Dettmers and Zettlemoyer, 2019 (SNFS, sparse momentum)",
                "once per epoch, prune by magnitude and regrow across layers by momentum",
                new RecipeOptions.Snfs(0.5, 0.005, DistributionPart.UNIFORM), Set.of("distribution"),
                (plan, o) -> Wiring.sparse(Rewirer.builder()
                        .cadence(Cadence.perEpoch(plan.stepsPerEpoch()))
                        .dropFraction(Schedule.cosine(o.pruneRate(), o.floor(), plan.totalSteps()))
                        .dropRule(DropRule.overlapCeil())
                        .distribution(o.distribution().distribution())
                        .prune(PruneCriterion.magnitude())
                        .grow(GrowCriterion.momentum()).build(), plan));
    }

    // the Fantastic Weights loop; "mest" and "random" are the same loop with another default criterion
    private static Spec<RecipeOptions.FantasticWeights> fantasticWeights(String name, PrunePart prune) {
        // only MEST's criterion is the method itself; the other defaults are the recipe's choice
        Set<String> chosen = prune == PrunePart.MEST ? Set.of("grow", "constraint")
                : Set.of("prune", "grow", "constraint");
        RecipeOptions.FantasticWeights defaults = new RecipeOptions.FantasticWeights(prune, FW.grow(), FW.deltaT(),
                FW.pruneRate(), FW.floor(), FW.gamma(), FW.distribution(), FW.constraint());
        return new Spec<>(name, FW_PAPER, "every deltaT steps, remove by the " + prune.key() + " criterion and "
                + "regrow as many", defaults, chosen, (plan, o) -> Wiring.sparse(Rewirer.builder()
                        .cadence(Cadence.every(o.deltaT()))
                        .dropFraction(Schedule.cosine(o.pruneRate(), o.floor(), plan.totalSteps()))
                        .dropRule(DropRule.overlapCeil())
                        .distribution(o.distribution().distribution())
                        .prune(o.prune().criterion(o.gamma()))
                        .grow(o.grow().criterion())
                        .constraint(o.constraint().constraint()).build(), plan));
    }

    private static Spec<RecipeOptions.Gmp> gmp() {
        return new Spec<>("gmp", "Zhu and Gupta, 2017 (gradual magnitude pruning)",
                "dense start, pruned by magnitude to the cubic schedule, nothing regrows",
                new RecipeOptions.Gmp(100, 0, 0.75, ScopePart.LAYER, DistributionPart.UNIFORM),
                Set.of("deltaT", "startFraction", "endFraction", "scope", "distribution"), (plan, o) -> {
                    long t0 = Math.round(o.startFraction() * plan.totalSteps());
                    long end = lastOnGrid(plan, o.deltaT(), t0, o.endFraction());
                    return new Wiring(Rewirer.builder()
                            .cadence(Cadence.every(o.deltaT(), t0, end + 1))
                            .density(SparsitySchedules.gmpCubic(1, plan.density(), t0, end))
                            .distribution(o.distribution().distribution())
                            .scope(o.scope().scope())
                            .prune(PruneCriterion.magnitude()).grow(GrowCriterion.none()).build(), 1, null);
                });
    }

    // GMP's cubic run upward: the mirror image of the dense-to-sparse regime, a schedule of this project
    private static Spec<RecipeOptions.SparseToDense> sparseToDense() {
        return new Spec<>("sparse-to-dense", "this project's schedule for the sparse-to-dense regime of Ma et al., "
                + "2025 (GMP's cubic run upward)", "sparse start, grown to the cubic schedule by the grow criterion, "
                + "nothing is pruned", new RecipeOptions.SparseToDense(100, 0, 0.75, 1, GrowPart.GRADIENT,
                DistributionPart.UNIFORM), Set.of("deltaT", "startFraction", "endFraction", "finalDensity", "grow",
                "distribution"), (plan, o) -> {
                    if (!(o.finalDensity() > plan.density())) {
                        throw new IllegalArgumentException("sparse-to-dense: finalDensity " + o.finalDensity()
                                + " must be above the starting density " + plan.density());
                    }
                    long t0 = Math.round(o.startFraction() * plan.totalSteps());
                    long end = lastOnGrid(plan, o.deltaT(), t0, o.endFraction());
                    return Wiring.sparse(Rewirer.builder()
                            .cadence(Cadence.every(o.deltaT(), t0, end + 1))
                            .density(SparsitySchedules.gmpCubic(plan.density(), o.finalDensity(), t0, end))
                            .distribution(o.distribution().distribution())
                            .prune(PruneCriterion.magnitude()).grow(o.grow().criterion()).build(), plan);
                });
    }

    // the last density step of a schedule from t0 to endFraction of the run, moved down onto the update grid
    // t0 + k·deltaT (at least one step after t0), so the final density is reached at an update
    private static long lastOnGrid(Plan plan, long deltaT, long t0, double endFraction) {
        return t0 + Math.max(1, (plan.stepsAt(endFraction) - t0) / deltaT) * deltaT;
    }

    private static Spec<RecipeOptions.Cht> cht() {
        return new Spec<>("cht", CHT_PAPER, "once per epoch, magnitude removal and Cannistraci-Hebb regrowth",
                new RecipeOptions.Cht(0.3, false, GrowPart.CH, DistributionPart.UNIFORM, true),
                Set.of("adaptiveZeta", "grower", "distribution"), (plan, o) -> Wiring.sparse(Rewirer.builder()
                        .cadence(Cadence.perEpoch(plan.stepsPerEpoch()))
                        .dropFraction(zeta(o.zeta(), o.adaptiveZeta(), plan))
                        .distribution(o.distribution().distribution())
                        .prune(PruneCriterion.magnitude()).grow(o.grower().criterion())
                        .skipOptimizerStep(o.skipStep()).build(), plan));
    }

    private static Spec<RecipeOptions.Chts> chts() {
        return new Spec<>("chts", CHT_PAPER, "every deltaT steps, soft removal and Cannistraci-Hebb regrowth",
                CHTS, Set.of("grower", "distribution", "topology", "chainRemoval"),
                (plan, o) -> Wiring.sparse(chtsParts(plan, o).build(), plan));
    }

    // CHTss's scripts name the uniform distribution; CHT and CHTs leave it to the recipe
    private static Spec<RecipeOptions.Chtss> chtss() {
        return new Spec<>("chtss", CHT_PAPER, "CHTs with a sigmoid density decay to the target",
                new RecipeOptions.Chtss(CHTS, 0.5, 0.8, PrunePart.RI), Set.of("grower", "topology", "chainRemoval"),
                (plan, o) -> {
                    long end = plan.stepsAt(o.pruningEndFraction());
                    SigmoidSparsity decay = new SigmoidSparsity(1 - o.initialDensity(), 1 - plan.density(), 0, end,
                            o.soft().deltaT(), SigmoidSparsity.DEFAULT_STEEPNESS);
                    Rewirer r = chtsParts(plan, o.soft())
                            .density(decay.density())
                            .dropRule(DropRule.shrinkThenDrop())
                            .shrinkPrune(o.shrinkPrune().criterion(1)).build();
                    return new Wiring(r, o.initialDensity(), null);
                });
    }

    private static Rewirer.Builder chtsParts(Plan plan, RecipeOptions.Chts o) {
        Schedule temperature = new SoftTemperature(o.temperatureStart(), o.temperatureEnd(), plan.totalSteps());
        return Rewirer.builder().cadence(Cadence.every(o.deltaT())).dropFraction(zeta(o.zeta(), o.adaptiveZeta(), plan))
                .distribution(o.distribution().distribution())
                .prune(PruneCriterion.soft(PruneCriterion.magnitude(), temperature))
                .grow(o.regrowSampling().applyTo(o.grower().criterion()))
                .skipOptimizerStep(o.skipStep())
                .topology(o.topology().topology(o.brfRandomness()))
                .afterPrune(o.chainRemoval() ? ChainRemoval::alongMlp : null);
    }

    private static Schedule zeta(double zeta, boolean adaptive, Plan plan) {
        return adaptive ? Schedule.cosine(zeta, 0, plan.totalSteps()) : Schedule.constant(zeta);
    }

    private static Spec<RecipeOptions.Mst> mst() {
        return new Spec<>("mst", "Hu et al., TMLR 2025 (MST, Mixed Sparsity Training)",
                "dense start, warm-up to the ultra-sparse target, hold, restore; mixed gradient and random growth",
                new RecipeOptions.Mst(100, 0.3, 0.2, 0.8, 1.0, true, 3, PrunePart.MAGNITUDE, DistributionPart.ER, true),
                Set.of("warmupEndFraction", "restoreStartFraction", "finalDensity", "mixedGrowing"), (plan, o) -> {
                    long total = plan.totalSteps();
                    long warm = plan.stepsAt(o.warmupEndFraction());
                    long restore = Math.max(warm + 1, plan.stepsAt(o.restoreStartFraction()));
                    long last = Math.max(restore + 1, total);
                    double z = o.zeta();
                    Schedule drop = SparsitySchedules.phased(new long[] {0, warm, restore}, Schedule.cosine(z, 0, warm),
                            Schedule.cosine(z, 0, restore - warm), Schedule.cosine(z, 0, last - restore));
                    Schedule density = SparsitySchedules.piecewiseLinear(new long[] {0, warm, restore, last},
                            new double[] {1, plan.density(), plan.density(), o.finalDensity()});
                    GrowCriterion grow = o.mixedGrowing() ? GrowCriterion.gradientRandomMix(o.ratio())
                            : GrowCriterion.gradient();
                    return new Wiring(Rewirer.builder().cadence(Cadence.every(o.deltaT()))
                            .density(density).dropFraction(drop)
                            .distribution(o.distribution().distribution())
                            .prune(o.prune().criterion(1)).grow(grow)
                            .skipOptimizerStep(o.skipStep()).build(), 1, null);
                });
    }

    private static Spec<RecipeOptions.NmSrSte> nmSrSte() {
        return new Spec<>("nm-srste", "Zhou et al., ICLR 2021 (N:M with SR-STE)",
                "dense weights masked to N:M at every step, the pruned entries decayed (SR-STE)",
                new RecipeOptions.NmSrSte(2, 4, 2e-4), Set.of("n", "m"),
                (plan, o) -> new Wiring(Rewirer.builder().build(), 1, new SrSte(o.n(), o.m(), o.lambda())));
    }

    private static Spec<RecipeOptions.DynaDiag> dynaDiag() {
        return new Spec<>("dynadiag", "Tyagi et al., ICML 2025 (DynaDiag)",
                "learn K diagonals per layer by a temperature-annealed soft top-K, then freeze them",
                new RecipeOptions.DynaDiag(5, 0.05, AnnealPart.COSINE, 0.3, true), Set.of("freezeFraction"),
                (plan, o) -> {
                    long epochs = Math.max(1, (plan.totalSteps() + plan.stepsPerEpoch() - 1) / plan.stepsPerEpoch());
                    DiagonalSelection selection = new DiagonalSelection(plan.density(), o.tauMax(), o.tauMin(),
                            o.anneal().anneal(), plan.stepsAt(o.freezeFraction()), plan.stepsPerEpoch(), epochs, o.denseLast());
                    // every diagonal to start with; the only topology change is the freeze, made by the training loop
                    Distribution layers = o.denseLast() ? Distribution.uniform().denseLast() : Distribution.uniform();
                    return new Wiring(Rewirer.builder().distribution(layers).constraint(Constraint.diagonal()).build(), 1,
                            null, selection);
                });
    }
}

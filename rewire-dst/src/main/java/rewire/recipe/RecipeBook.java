package rewire.recipe;

import static rewire.recipe.RecipeOption.checked;
import static rewire.recipe.RecipeOption.chosen;

import java.util.ArrayList;
import java.util.List;
import rewire.optim.Schedule;
import rewire.sparsity.Cadence;
import rewire.sparsity.Distribution;
import rewire.sparsity.DropRule;
import rewire.sparsity.GrowCriterion;
import rewire.sparsity.PruneCriterion;
import rewire.sparsity.Rewirer;
import rewire.sparsity.SparsitySchedules;
import rewire.sparsity.SrSte;
import rewire.sparsity.ch.SigmoidSparsity;
import rewire.sparsity.ch.SoftTemperature;

/** The definitions behind {@link Recipes#standard()}; docs/methods.md explains every default. */
final class RecipeBook {
    private static final String SET_PAPER = "Mocanu et al., Nature Communications 2018 (SET)";
    private static final String RIGL_PAPER = "Evci et al., ICML 2020 (RigL)";
    private static final String FW_PAPER = "Nowak et al., NeurIPS 2023 (Fantastic Weights)";
    private static final String CHT_PAPER = "Zhang et al., ICLR 2024 (CHT); NeurIPS 2025 (CHTs, CHTss)";

    private static final RecipeOption CONSTRAINT = chosen("constraint", "unstructured",
            "unstructured | fan-in | N:M | block:RxC | diagonal");
    private static final RecipeOption INIT = checked("init", "zero", "grown weights: zero | normal:STD | he");

    private RecipeBook() {
    }

    static List<Recipes.Spec> all() {
        return List.of(staticSparse(), set(), rigl(), snfs(), fantasticWeights("fw", "magnitude"),
                fantasticWeights("mest", "mest"), fantasticWeights("random", "random"), gmp(), cht(), chts(), chtss(),
                mst(), nmSrSte());
    }

    private static Recipes.Spec staticSparse() {
        return new Recipes.Spec("static", "random sparse initialization, never rewired (static sparse training)",
                List.of(chosen("distribution", "erk", "uniform | er | erk"), CONSTRAINT),
                (plan, o, reg) -> new Recipe(o.label(), "static sparse training", Rewirer.builder()
                        .distribution(RecipeParts.distribution(o.text("distribution")))
                        .constraint(RecipeParts.constraint(o.text("constraint"))).build(), plan.density(), null));
    }

    private static Recipes.Spec set() {
        return new Recipes.Spec("set", SET_PAPER, List.of(
                checked("zeta", "0.3", "fraction of each sign's weights replaced per update"),
                checked("distribution", "er", "uniform | er | erk"),
                checked("denseLast", "true", "keep the output layer dense, as the reference MLP"),
                chosen("prune", "set", "set (proportional per sign) | set-equal-split | any prune criterion"),
                INIT, CONSTRAINT),
                (plan, o, reg) -> {
                    Distribution d = RecipeParts.distribution(o.text("distribution"));
                    return new Recipe(o.label(), SET_PAPER, Rewirer.builder()
                            .cadence(Cadence.perEpoch(plan.stepsPerEpoch()))
                            .dropFraction(Schedule.constant(o.number("zeta")))
                            .distribution(o.flag("denseLast") ? d.denseLast() : d)
                            .prune(RecipeParts.prune(o.text("prune"), 1)).grow(GrowCriterion.random())
                            .init(RecipeParts.init(o.text("init")))
                            .constraint(RecipeParts.constraint(o.text("constraint"))).build(), plan.density(), null);
                });
    }

    private static Recipes.Spec rigl() {
        return new Recipes.Spec("rigl", RIGL_PAPER, List.of(
                checked("deltaT", "100", "steps between updates"),
                checked("zeta", "0.3", "initial drop fraction, cosine-decayed to 0 at T_end"),
                chosen("endFraction", "0.75", "T_end as a fraction of the run; no update after it"),
                checked("distribution", "erk", "uniform | er | erk"),
                chosen("skipStep", "false", "skip the optimizer step on update steps (RigL-torch style)"),
                INIT, CONSTRAINT),
                (plan, o, reg) -> {
                    long end = RecipeParts.stepsAt(plan, o.number("endFraction"));
                    return new Recipe(o.label(), RIGL_PAPER, Rewirer.builder()
                            .cadence(Cadence.every(o.integer("deltaT"), 0, end))
                            .dropFraction(Schedule.cosine(o.number("zeta"), 0, end))
                            .distribution(RecipeParts.distribution(o.text("distribution")))
                            .prune(PruneCriterion.magnitude()).grow(GrowCriterion.gradient())
                            .init(RecipeParts.init(o.text("init"))).skipOptimizerStep(o.flag("skipStep"))
                            .constraint(RecipeParts.constraint(o.text("constraint"))).build(), plan.density(), null);
                });
    }

    private static Recipes.Spec snfs() {
        String paper = "Dettmers and Zettlemoyer, 2019 (SNFS, sparse momentum)";
        return new Recipes.Spec("snfs", paper, List.of(
                checked("pruneRate", "0.5", "initial prune rate, cosine-decayed over the run"),
                checked("floor", "0.005", "prune-rate floor"),
                chosen("distribution", "uniform", "uniform | er | erk")),
                (plan, o, reg) -> new Recipe(o.label(), paper, Rewirer.builder()
                        .cadence(Cadence.perEpoch(plan.stepsPerEpoch()))
                        .dropFraction(Schedule.cosine(o.number("pruneRate"), o.number("floor"), plan.totalSteps()))
                        .dropRule(DropRule.overlapCeil())
                        .distribution(RecipeParts.distribution(o.text("distribution")))
                        .prune(PruneCriterion.magnitude())
                        .grow(GrowCriterion.momentum()).build(), plan.density(), null));
    }

    // the Fantastic Weights loop; "mest" and "random" are the same loop with another default criterion
    private static Recipes.Spec fantasticWeights(String name, String defaultPrune) {
        String criteria = "magnitude | set | set-equal-split | mest | snip | sensitivity | rsensitivity | taylor | "
                + "random | ri";
        // only MEST's criterion is the method itself; the other defaults are the recipe's choice
        RecipeOption prune = name.equals("mest") ? checked("prune", defaultPrune, criteria)
                : chosen("prune", defaultPrune, criteria);
        return new Recipes.Spec(name, FW_PAPER, List.of(prune,
                chosen("grow", "random", "random | gradient | a registered criterion"),
                checked("deltaT", "800", "steps between updates"),
                checked("pruneRate", "0.5", "initial prune rate, cosine-decayed over the run"),
                checked("floor", "0.005", "prune-rate floor"),
                checked("gamma", "1.0", "MEST's gradient weight in |w| + gamma |g|"),
                checked("distribution", "erk", "uniform | er | erk"),
                CONSTRAINT),
                (plan, o, reg) -> new Recipe(o.label(), FW_PAPER, Rewirer.builder()
                        .cadence(Cadence.every(o.integer("deltaT")))
                        .dropFraction(Schedule.cosine(o.number("pruneRate"), o.number("floor"), plan.totalSteps()))
                        .dropRule(DropRule.overlapCeil())
                        .distribution(RecipeParts.distribution(o.text("distribution")))
                        .prune(RecipeParts.prune(o.text("prune"), o.number("gamma")))
                        .grow(RecipeParts.grow(o.text("grow"), reg))
                        .constraint(RecipeParts.constraint(o.text("constraint"))).build(), plan.density(), null));
    }

    private static Recipes.Spec gmp() {
        String paper = "Zhu and Gupta, 2017 (gradual magnitude pruning)";
        return new Recipes.Spec("gmp", paper, List.of(
                chosen("deltaT", "100", "steps between pruning steps"),
                chosen("startFraction", "0", "pruning starts at this fraction of the run"),
                chosen("endFraction", "0.75", "the final density is reached at this fraction of the run"),
                chosen("scope", "layer", "layer | global ranking"),
                chosen("distribution", "uniform", "uniform | er | erk")),
                (plan, o, reg) -> {
                    long deltaT = o.integer("deltaT");
                    long t0 = Math.round(o.number("startFraction") * plan.totalSteps());
                    // the last pruning step lands on the update grid, so the final density is reached
                    long end = t0 + Math.max(1, (RecipeParts.stepsAt(plan, o.number("endFraction")) - t0) / deltaT)
                            * deltaT;
                    return new Recipe(o.label(), paper, Rewirer.builder()
                            .cadence(Cadence.every(deltaT, t0, end + 1))
                            .density(SparsitySchedules.gmpCubic(1, plan.density(), t0, end))
                            .distribution(RecipeParts.distribution(o.text("distribution")))
                            .scope(RecipeParts.scope(o.text("scope")))
                            .prune(PruneCriterion.magnitude()).grow(GrowCriterion.none()).build(), 1, null);
                });
    }

    private static Recipes.Spec cht() {
        return new Recipes.Spec("cht", CHT_PAPER, List.of(
                checked("zeta", "0.3", "fraction replaced per update (MLP scripts)"),
                chosen("adaptiveZeta", "false", "cosine-decay zeta over the run"),
                chosen("grower", Recipes.CH_GROWER, "registered name of the Cannistraci-Hebb grow criterion"),
                chosen("distribution", "uniform", "uniform | er | erk"),
                checked("skipStep", "true", "skip the optimizer step on update steps")),
                (plan, o, reg) -> new Recipe(o.label(), CHT_PAPER, Rewirer.builder()
                        .cadence(Cadence.perEpoch(plan.stepsPerEpoch()))
                        .dropFraction(zeta(o, plan))
                        .distribution(RecipeParts.distribution(o.text("distribution")))
                        .prune(PruneCriterion.magnitude()).grow(reg.growCriterion(o.text("grower")))
                        .skipOptimizerStep(o.flag("skipStep")).build(), plan.density(), null));
    }

    // CHTss's scripts name the uniform distribution; CHT and CHTs leave it to the recipe
    private static List<RecipeOption> chtsOptions(String zeta, boolean uniformFromCode) {
        RecipeOption distribution = uniformFromCode ? checked("distribution", "uniform", "uniform | er | erk")
                : chosen("distribution", "uniform", "uniform | er | erk");
        return List.of(
                checked("deltaT", "100", "steps between updates"),
                checked("zeta", zeta, "fraction replaced per update"),
                checked("adaptiveZeta", "true", "cosine-decay zeta over the run"),
                checked("temperatureStart", "1", "soft-removal temperature at the start"),
                checked("temperatureEnd", "9", "soft-removal temperature at the end"),
                checked("regrowSampling", "topk", "topk | proportional (sampled CH regrowth)"),
                chosen("grower", Recipes.CH_GROWER, "registered name of the Cannistraci-Hebb grow criterion"),
                distribution,
                checked("skipStep", "true", "skip the optimizer step on update steps"));
    }

    private static Recipes.Spec chts() {
        return new Recipes.Spec("chts", CHT_PAPER, chtsOptions("0.1", false),
                (plan, o, reg) -> new Recipe(o.label(), CHT_PAPER, chtsParts(plan, o, reg).build(), plan.density(), null));
    }

    private static Recipes.Spec chtss() {
        List<RecipeOption> options = new ArrayList<>(chtsOptions("0.1", true));
        options.add(checked("initialDensity", "0.5", "density at the start of the sigmoid decay (1 - s0)"));
        options.add(checked("pruningEndFraction", "0.8", "the decay ends at this fraction of the run"));
        options.add(checked("shrinkPrune", "ri", "criterion of the decay step: ri | magnitude | ..."));
        return new Recipes.Spec("chtss", CHT_PAPER, options, (plan, o, reg) -> {
            long deltaT = o.integer("deltaT");
            long end = RecipeParts.stepsAt(plan, o.number("pruningEndFraction"));
            SigmoidSparsity decay = new SigmoidSparsity(1 - o.number("initialDensity"), 1 - plan.density(), 0, end,
                    deltaT, SigmoidSparsity.DEFAULT_STEEPNESS);
            Rewirer r = chtsParts(plan, o, reg)
                    .density(decay.density())
                    .dropRule(DropRule.shrinkThenDrop())
                    .shrinkPrune(RecipeParts.prune(o.text("shrinkPrune"), 1)).build();
            return new Recipe(o.label(), CHT_PAPER, r, o.number("initialDensity"), null);
        });
    }

    private static Rewirer.Builder chtsParts(Recipes.Plan plan, Recipes.Options o, Recipes reg) {
        Schedule temperature = new SoftTemperature(o.number("temperatureStart"), o.number("temperatureEnd"),
                plan.totalSteps());
        GrowCriterion ch = reg.growCriterion(o.text("grower"));
        GrowCriterion grow = switch (o.text("regrowSampling")) {
            case "topk" -> ch;
            case "proportional" -> GrowCriterion.sampled(ch);
            default -> throw new IllegalArgumentException("regrowSampling must be topk or proportional, got "
                    + o.text("regrowSampling"));
        };
        return Rewirer.builder().cadence(Cadence.every(o.integer("deltaT"))).dropFraction(zeta(o, plan))
                .distribution(RecipeParts.distribution(o.text("distribution")))
                .prune(PruneCriterion.soft(PruneCriterion.magnitude(), temperature)).grow(grow)
                .skipOptimizerStep(o.flag("skipStep"));
    }

    private static Schedule zeta(Recipes.Options o, Recipes.Plan plan) {
        double z = o.number("zeta");
        return o.flag("adaptiveZeta") ? Schedule.cosine(z, 0, plan.totalSteps()) : Schedule.constant(z);
    }

    private static Recipes.Spec mst() {
        String paper = "Hu et al., TMLR 2025 (MST, Mixed Sparsity Training)";
        return new Recipes.Spec("mst", paper, List.of(
                checked("deltaT", "100", "steps between updates"),
                checked("zeta", "0.3", "drop fraction at the start of each phase, cosine-decayed within it"),
                chosen("warmupEndFraction", "0.2", "end of the dense-to-sparse warm-up"),
                chosen("restoreStartFraction", "0.8", "start of the restoration back toward dense"),
                chosen("finalDensity", "1.0", "density at the end of the run"),
                chosen("mixedGrowing", "true", "grow part by gradient, part at random"),
                checked("ratio", "3", "gradient:random ratio r of mixed growing"),
                checked("prune", "magnitude", "magnitude | mest | rsensitivity | ..."),
                checked("distribution", "er", "uniform | er | erk"),
                checked("skipStep", "true", "skip the optimizer step on update steps")),
                (plan, o, reg) -> {
                    long total = plan.totalSteps();
                    long warm = RecipeParts.stepsAt(plan, o.number("warmupEndFraction"));
                    long restore = Math.max(warm + 1, RecipeParts.stepsAt(plan, o.number("restoreStartFraction")));
                    long last = Math.max(restore + 1, total);
                    double z = o.number("zeta");
                    Schedule drop = SparsitySchedules.phased(new long[] {0, warm, restore}, Schedule.cosine(z, 0, warm),
                            Schedule.cosine(z, 0, restore - warm), Schedule.cosine(z, 0, last - restore));
                    Schedule density = SparsitySchedules.piecewiseLinear(new long[] {0, warm, restore, last},
                            new double[] {1, plan.density(), plan.density(), o.number("finalDensity")});
                    GrowCriterion grow = o.flag("mixedGrowing") ? GrowCriterion.gradientRandomMix(o.number("ratio"))
                            : GrowCriterion.gradient();
                    return new Recipe(o.label(), paper, Rewirer.builder().cadence(Cadence.every(o.integer("deltaT")))
                            .density(density).dropFraction(drop)
                            .distribution(RecipeParts.distribution(o.text("distribution")))
                            .prune(RecipeParts.prune(o.text("prune"), 1)).grow(grow)
                            .skipOptimizerStep(o.flag("skipStep")).build(), 1, null);
                });
    }

    private static Recipes.Spec nmSrSte() {
        String paper = "Zhou et al., ICLR 2021 (N:M with SR-STE)";
        return new Recipes.Spec("nm-srste", paper, List.of(
                chosen("n", "2", "entries kept per group"),
                chosen("m", "4", "group size along the inputs"),
                checked("lambda", "2e-4", "decay of the pruned entries")),
                (plan, o, reg) -> new Recipe(o.label(), paper, Rewirer.builder().build(), 1,
                        new SrSte((int) o.integer("n"), (int) o.integer("m"), o.number("lambda"))));
    }
}

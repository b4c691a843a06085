package rewire.models.marl;

import java.util.List;
import java.util.function.LongFunction;
import rewire.autodiff.Tape;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.models.marl.env.MultiAgentEnv;
import rewire.models.rl.LayerMaker;
import rewire.models.rl.TargetNetwork;
import rewire.recipe.Recipe;
import rewire.run.RunSpec;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** Turns a {@link MarlConfig} into a {@link RunSpec}: environments, networks on the recipe's topology, learner. */
public final class MarlRuns {
    private static final long TRAIN_ENV_STREAM = 0xE471L;
    private static final long EVAL_ENV_STREAM = 0xE472L;
    private static final long INIT_STREAM = 0x1417L;
    private static final long TOPOLOGY_STREAM = 0x7090L;
    private static final long LEARNER_STREAM = 0x1EA2L;

    private MarlRuns() {
    }

    /** The run on the combat simulator's scenario {@code config.env().scenario()}. */
    public static RunSpec spec(MarlConfig config, Kernels kernels) {
        return spec(config, seed -> Scenarios.create(config.env(), seed), kernels);
    }

    /** The run on environments made by {@code envs} from a seed (one for training, one for evaluation). */
    public static RunSpec spec(MarlConfig config, LongFunction<MultiAgentEnv> envs, Kernels kernels) {
        Rng seed = new Rng(config.seed());
        MultiAgentEnv trainEnv = envs.apply(seed.fold(TRAIN_ENV_STREAM).nextLong());
        MultiAgentEnv evalEnv = envs.apply(seed.fold(EVAL_ENV_STREAM).nextLong());
        Episode.Dims dims = Episode.Dims.of(trainEnv);
        LearnerSettings learner = config.learner();
        long totalSteps = (long) config.train().plannedEpochs() * learner.episodesPerEpoch();
        Recipe recipe = config.sparsity().isDense() ? null
                : config.sparsity().create(Math.max(1, totalSteps), learner.episodesPerEpoch());
        LayerMaker shapes = LayerMaker.dense(seed.fold(INIT_STREAM));
        QNetworks.build(dims, config.network(), shapes);
        List<SparsityPattern> patterns = recipe == null
                ? shapes.fullPatterns()
                : recipe.initialPatterns(shapes.shapes(), seed.fold(TOPOLOGY_STREAM));
        QNetworks online = QNetworks.build(dims, config.network(), LayerMaker.onPatterns(patterns, seed.fold(INIT_STREAM)));
        QNetworks target = QNetworks.build(dims, config.network(), LayerMaker.onPatterns(patterns, seed.fold(INIT_STREAM)));
        TargetNetwork<QNetworks> networks = new TargetNetwork<>(online, target);
        MastSettings mast = config.mast();
        QLearner q = new QLearner(networks, mast.operator(learner), new SoftMellowmax(mast.omega(), mast.alpha()),
                mast.targets(learner), new Tape(kernels));
        String name = "marl-" + Config.spelling(config.network().mixer()) + "-" + config.env().scenario();
        MarlWorkload workload = new MarlWorkload(name, networks, config.optim().transform(totalSteps),
                config.optim().learningRate(totalSteps), recipe, q,
                new EpisodeRunner(trainEnv, new Tape(kernels)), new EpisodeRunner(evalEnv, new Tape(kernels)),
                mast.replay(learner.bufferEpisodes()), learner, seed.fold(LEARNER_STREAM));
        return new RunSpec(config.name(), config.seed(), Config.toYaml(config), Config.toPlain(config), workload,
                config.train(), recipe == null ? List.of() : recipe.warnings(shapes.shapes()));
    }
}

package rewire.models.rl;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.Tape;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.models.rl.env.ActionSpace;
import rewire.models.rl.env.Task;
import rewire.models.rl.env.VectorEnv;
import rewire.nn.SparseLinear;
import rewire.recipe.Recipe;
import rewire.run.RunSpec;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;
import rewire.train.ParamGroup;

/**
 * Turns an {@link RlConfig} into a {@link RunSpec}: the environments, the learner its algorithm
 * names with each module built on its regime's patterns, the replay, and the workload.
 */
public final class RlRuns {
    private static final long ENV_STREAM = 0xE471L;
    private static final long EVAL_STREAM = 0xE472L;
    private static final long AGENT_STREAM = 0xA6E7L;
    private static final long STEP_STREAM = 0x57E9L;

    private RlRuns() {
    }

    /**
     * The run of {@code config}.
     *
     * @throws IllegalArgumentException when the algorithm does not fit the task's actions, naming both
     */
    public static RunSpec spec(RlConfig config, Kernels kernels) {
        Rng seed = new Rng(config.seed());
        Task task = config.env().task();
        VectorEnv envs = new VectorEnv(task, config.env().envs(), seed.fold(ENV_STREAM).nextLong());
        ActionSpace actions = envs.env(0).actions();
        int observations = envs.env(0).observationSize();
        AgentSettings agent = config.agent();
        long totalSteps = (long) config.train().plannedEpochs() * agent.stepsPerEpoch();
        Agent modules = new Agent(new Agent.Plan(Math.max(1, totalSteps), agent.stepsPerEpoch()), config.policy(),
                config.optim(), seed.fold(AGENT_STREAM));
        ForwardTally tally = new ForwardTally();
        Learner learner = learner(config, modules, observations, actions, new Tape(kernels), tally);
        Experience experience = new Experience(envs, new ReplayBuffer(agent.replaySize(), observations,
                actions.dims()));
        GreedyEpisodes evaluation = new GreedyEpisodes(task, config.env().evalEpisodes(), seed.fold(EVAL_STREAM));
        String name = "rl-" + Config.spelling(agent.algorithm()) + "-" + Config.spelling(task);
        RlWorkload workload = new RlWorkload(name, learner, experience, evaluation, config, tally,
                seed.fold(STEP_STREAM), new Tape(kernels), new Tape(kernels));
        return new RunSpec(config.name(), config.seed(), Config.toYaml(config), Config.toPlain(config), workload,
                config.train(), warnings(learner));
    }

    private static Learner learner(RlConfig config, Agent modules, int observations, ActionSpace actions,
                                   Tape targetTape, ForwardTally tally) {
        AgentSettings agent = config.agent();
        String algorithm = Config.spelling(agent.algorithm());
        return switch (actions) {
            case ActionSpace.Discrete d -> switch (agent.algorithm()) {
                case DQN -> new DqnLearner(modules, agent, config.dqn(), config.network(), observations, d, targetTape,
                        tally);
                case SAC, TD3 -> throw mismatch(algorithm, config.env().task(), "discrete", "dqn");
            };
            case ActionSpace.Box box -> switch (agent.algorithm()) {
                case SAC -> new SacLearner(modules, agent, config.sac(), config.network(), observations, box, targetTape,
                        tally);
                case TD3 -> new Td3Learner(modules, agent, config.td3(), config.network(), observations, box, targetTape,
                        tally);
                case DQN -> throw mismatch(algorithm, config.env().task(), "continuous", "sac or td3");
            };
        };
    }

    private static IllegalArgumentException mismatch(String algorithm, Task task, String kind, String instead) {
        return new IllegalArgumentException("agent.algorithm " + algorithm + " cannot act in env.task "
                + Config.spelling(task) + ", whose actions are " + kind + ": use " + instead);
    }

    // what each sparse group's recipe will do that its configuration does not show
    private static List<String> warnings(Learner learner) {
        List<String> out = new ArrayList<>();
        for (ParamGroup g : learner.groups()) {
            Recipe recipe = g.recipe();
            if (recipe == null) {
                continue;
            }
            List<LayerShape> shapes = new ArrayList<>();
            for (SparseLinear l : g.sparseLayers()) {
                shapes.add(LayerShape.matrix(l.weight().name(), l.out(), l.in()));
            }
            recipe.warnings(shapes).forEach(w -> out.add(g.name() + ": " + w));
        }
        return out;
    }
}

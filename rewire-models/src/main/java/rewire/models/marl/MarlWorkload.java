package rewire.models.marl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.io.Checkpoint;
import rewire.io.ParamState;
import rewire.models.rl.TargetNetwork;
import rewire.nn.SparseLinear;
import rewire.optim.Schedule;
import rewire.optim.Slots;
import rewire.optim.Transform;
import rewire.recipe.Recipe;
import rewire.tensor.Rng;
import rewire.train.Evaluation;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.StepContext;
import rewire.train.StepResult;
import rewire.train.Workload;

/**
 * Value-based multi-agent RL as a {@link Workload}: one training step plays one episode with the
 * current epsilon-greedy policy into the replay (the first step plays as many as the first batch
 * needs), hard-updates the target networks every {@code targetUpdateEpisodes} episodes, records
 * the Q-learning loss of one sampled batch, runs backward and updates the one parameter group,
 * "online" (the agent network and the mixer), through the DST engine and the optimizer.
 * Evaluation plays greedy episodes on an environment of its own: win rate, mean return and
 * episode length. Its live status (progress bar, training log) holds episodes, environment steps,
 * exploration rate, and win rate and return over the last 20 training episodes.
 *
 * <p>Samples are environment steps (throughput in env steps per second); one example in FLOP
 * accounting is one (episode, decision point) of a training batch; acting and the target
 * networks' forward passes are reported as forward-only FLOPs. Checkpoints hold the replay
 * buffers, the target networks, the counters and every generator, so a resumed run continues
 * exactly.
 */
public final class MarlWorkload implements Workload {
    private static final int RECENT = 20;
    private static final String PREFIX = "workload/";
    private static final List<Score> SCORES = List.of(Score.accuracy("winRate", "test win rate"),
            Score.higher("return", "test return"));

    private final String name;
    private final TargetNetwork<QNetworks> networks;
    private final ParamGroup group;
    private final QLearner learner;
    private final EpisodeRunner trainRunner;
    private final EpisodeRunner evalRunner;
    private final DualReplay replay;
    private final LearnerSettings settings;
    private final boolean sparse;
    private Rng actRng;
    private Rng sampleRng;
    private Rng evalRng;
    private final double[] recentReturn = new double[RECENT];
    private final boolean[] recentWon = new boolean[RECENT];
    private long episodes;
    private long envSteps;
    private long lastTargetUpdate;
    private long actingColumns;
    private long targetExamples;

    /**
     * @param optimizer the online networks' update rule and its learning rate per step (or null)
     * @param recipe    the DST recipe of every weight layer, or null for dense networks
     */
    MarlWorkload(String name, TargetNetwork<QNetworks> networks, Transform optimizer, Schedule learningRate,
                 Recipe recipe, QLearner learner, EpisodeRunner trainRunner, EpisodeRunner evalRunner,
                 DualReplay replay, LearnerSettings settings, Rng rng) {
        this.name = name;
        this.networks = networks;
        this.sparse = recipe != null;
        this.group = ParamGroup.builder("online", networks.online()).optimizer(optimizer, learningRate).recipe(recipe)
                .sparseLayers(sparse ? networks.online().layers() : List.of())
                .flopLayers(networks.online().flopLayers(trainRunner.dims().agents(), !sparse)).build();
        this.learner = learner;
        this.trainRunner = trainRunner;
        this.evalRunner = evalRunner;
        this.replay = replay;
        this.settings = settings;
        this.actRng = rng.fold(1);
        this.sampleRng = rng.fold(2);
        this.evalRng = rng.fold(3);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ParamGroup> groups() {
        return List.of(group);
    }

    @Override
    public long stepsPerEpoch() {
        return settings.episodesPerEpoch();
    }

    @Override
    public String sampleUnit() {
        return "env steps";
    }

    @Override
    public StepResult step(StepContext context) {
        long envStepsBefore = envSteps;
        do {
            collect();
        } while (!replay.canSample(settings.batchSize()));
        if (episodes - lastTargetUpdate >= settings.targetUpdateEpisodes()) {
            networks.hardUpdate();
            lastTargetUpdate = episodes;
        }
        EpisodeBatch batch = new EpisodeBatch(replay.sample(settings.batchSize(), sampleRng));
        QLearner.Loss loss = learner.loss(context.tape(), batch, envSteps);
        long examples = (long) batch.episodes() * (batch.steps() + 1);
        targetExamples += examples;
        context.backward(loss.loss());
        context.update(group);
        return new StepResult(loss.loss().item(), envSteps - envStepsBefore, examples, Map.of());
    }

    private void collect() {
        Episode e = trainRunner.play(networks.online().agent(), epsilon(), actRng);
        replay.add(e);
        int slot = (int) (episodes % RECENT);
        recentReturn[slot] = e.totalReward();
        recentWon[slot] = e.won();
        episodes++;
        envSteps += e.length();
        actingColumns += trainRunner.takeForwardColumns();
    }

    /** The exploration rate now. */
    public double epsilon() {
        return settings.epsilon().at(envSteps);
    }

    public long envSteps() {
        return envSteps;
    }

    public long episodes() {
        return episodes;
    }

    @Override
    public List<Score> scores() {
        return SCORES;
    }

    @Override
    public Evaluation evaluate(long stepsDone) {
        int won = 0;
        double returns = 0;
        double length = 0;
        for (int k = 0; k < settings.evalEpisodes(); k++) {
            Episode e = evalRunner.play(networks.online().agent(), 0, evalRng);
            won += e.won() ? 1 : 0;
            returns += e.totalReward();
            length += e.length();
        }
        actingColumns += evalRunner.takeForwardColumns();
        int n = settings.evalEpisodes();
        return Evaluation.builder("test", n).put("winRate", (double) won / n).put("return", returns / n)
                .put("episodeLength", length / n).put("envSteps", envSteps).build();
    }

    @Override
    public Map<String, Double> status() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("episodes", (double) episodes);
        s.put("envSteps", (double) envSteps);
        int seen = (int) Math.min(episodes, RECENT);
        if (seen > 0) {
            double ret = 0;
            int won = 0;
            for (int k = 0; k < seen; k++) {
                ret += recentReturn[k];
                won += recentWon[k] ? 1 : 0;
            }
            s.put("winRate", (double) won / seen);
            s.put("return", ret / seen);
        }
        s.put("epsilon", epsilon());
        return s;
    }

    @Override
    public ForwardFlops takeForwardOnlyFlops() {
        QNetworks online = networks.online();
        int agents = trainRunner.dims().agents();
        long sparseFlops = actingColumns * forwardFlops(online.agent().layers(), false)
                + targetExamples * (agents * forwardFlops(online.agent().layers(), false)
                + forwardFlops(online.mixer().layers(), false));
        long denseFlops = actingColumns * forwardFlops(online.agent().layers(), true)
                + targetExamples * (agents * forwardFlops(online.agent().layers(), true)
                + forwardFlops(online.mixer().layers(), true));
        actingColumns = 0;
        targetExamples = 0;
        return sparse ? new ForwardFlops(sparseFlops, denseFlops) : new ForwardFlops(denseFlops, denseFlops);
    }

    // forward FLOPs of one column through these layers: Σ 2·nnz (or 2·in·out)
    private static long forwardFlops(List<SparseLinear> layers, boolean dense) {
        long flops = 0;
        for (SparseLinear l : layers) {
            flops += 2L * (dense ? (long) l.in() * l.out() : l.weight().pattern().nnz());
        }
        return flops;
    }

    @Override
    public void save(Checkpoint.Builder c) {
        c.putLong(PREFIX + "episodes", episodes);
        c.putLong(PREFIX + "envSteps", envSteps);
        c.putLong(PREFIX + "lastTargetUpdate", lastTargetUpdate);
        c.putLong(PREFIX + "actingColumns", actingColumns);
        c.putLong(PREFIX + "targetExamples", targetExamples);
        c.putText(PREFIX + "recent", RecentEpisodes.encode(recentReturn, recentWon));
        ParamState.putRng(c, "workload/act", actRng);
        ParamState.putRng(c, "workload/sample", sampleRng);
        ParamState.putRng(c, "workload/eval", evalRng);
        c.putLong(PREFIX + "trainEnv", trainRunner.env().randomState());
        c.putLong(PREFIX + "evalEnv", evalRunner.env().randomState());
        ParamState.putParams(c, PREFIX + "target/", networks.target().params());
        replay.save(c, PREFIX + "replay/");
    }

    @Override
    public void restore(Checkpoint c) {
        episodes = c.longValue(PREFIX + "episodes");
        envSteps = c.longValue(PREFIX + "envSteps");
        lastTargetUpdate = c.longValue(PREFIX + "lastTargetUpdate");
        actingColumns = c.longValue(PREFIX + "actingColumns");
        targetExamples = c.longValue(PREFIX + "targetExamples");
        RecentEpisodes.decode(c.text(PREFIX + "recent"), recentReturn, recentWon);
        actRng = ParamState.rng(c, "workload/act");
        sampleRng = ParamState.rng(c, "workload/sample");
        evalRng = ParamState.rng(c, "workload/eval");
        trainRunner.env().restoreRandomState(c.longValue(PREFIX + "trainEnv"));
        evalRunner.env().restoreRandomState(c.longValue(PREFIX + "evalEnv"));
        ParamState.restoreParams(c, PREFIX + "target/", networks.target().params(), new Slots());
        replay.restore(c, PREFIX + "replay/", trainRunner.dims());
    }

    public TargetNetwork<QNetworks> networks() {
        return networks;
    }

    public DualReplay replay() {
        return replay;
    }
}

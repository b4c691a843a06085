package rewire.models.marl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.autodiff.Tape;
import rewire.nn.Module;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;
import rewire.tensor.Rng;
import rewire.train.Evaluation;
import rewire.train.StepOutput;
import rewire.train.Workload;

/**
 * Value-based multi-agent RL as a {@link Workload}: one training step plays one episode with the
 * current epsilon-greedy policy into the replay (the first step plays as many as the first batch
 * needs), hard-updates the target networks every {@code targetUpdateEpisodes} episodes, and
 * records the Q-learning loss of one sampled batch; the trainer then runs backward, the DST
 * engine and the optimizer as for any workload. Evaluation plays greedy episodes on an
 * environment of its own: win rate (as the accuracy), mean return and episode length. Its live
 * status (progress bar, training log) holds episodes, environment steps, exploration rate, and
 * win rate and return over the last 20 training episodes.
 *
 * <p>One example in FLOP accounting is one (episode, decision point) of a training batch; acting
 * and the target networks' forward passes are reported as forward-only FLOPs. A run cannot be
 * resumed exactly, since the replay buffer is not checkpointed.
 */
public final class MarlWorkload implements Workload {
    private static final int RECENT = 20;

    private final String name;
    private final TargetNetworks networks;
    private final QLearner learner;
    private final EpisodeRunner trainRunner;
    private final EpisodeRunner evalRunner;
    private final DualReplay replay;
    private final LearnerSettings settings;
    private final boolean sparse;
    private final Rng actRng;
    private final Rng sampleRng;
    private final Rng evalRng;
    private final double[] recentReturn = new double[RECENT];
    private final boolean[] recentWon = new boolean[RECENT];
    private long episodes;
    private long envSteps;
    private long lastTargetUpdate;
    private long actingColumns;
    private long targetExamples;

    MarlWorkload(String name, TargetNetworks networks, QLearner learner, EpisodeRunner trainRunner,
                 EpisodeRunner evalRunner, DualReplay replay, LearnerSettings settings, boolean sparse, Rng rng) {
        this.name = name;
        this.networks = networks;
        this.learner = learner;
        this.trainRunner = trainRunner;
        this.evalRunner = evalRunner;
        this.replay = replay;
        this.settings = settings;
        this.sparse = sparse;
        this.actRng = rng.fold(1);
        this.sampleRng = rng.fold(2);
        this.evalRng = rng.fold(3);
    }

    @Override
    public String scoreLabel() {
        return "test win rate";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Module model() {
        return networks.online();
    }

    @Override
    public long stepsPerEpoch() {
        return settings.episodesPerEpoch();
    }

    @Override
    public int batchSize() {
        return settings.batchSize();
    }

    @Override
    public StepOutput trainStep(Tape tape, long step) {
        do {
            collect();
        } while (!replay.canSample(settings.batchSize()));
        if (episodes - lastTargetUpdate >= settings.targetUpdateEpisodes()) {
            networks.hardUpdate();
            lastTargetUpdate = episodes;
        }
        EpisodeBatch batch = new EpisodeBatch(replay.sample(settings.batchSize(), sampleRng));
        QLearner.Loss loss = learner.loss(tape, batch, envSteps);
        targetExamples += (long) batch.episodes() * (batch.steps() + 1);
        return new StepOutput(loss.loss(), -1, batch.episodes() * (batch.steps() + 1));
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
    public Evaluation evaluate() {
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
        return new Evaluation("test", Double.NaN, (double) won / n, n, Map.of("winRate", (double) won / n,
                "return", returns / n, "episodeLength", length / n, "envSteps", (double) envSteps));
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
    public List<SparseLinear> sparseLayers() {
        return sparse ? networks.online().layers() : List.of();
    }

    @Override
    public List<FlopCounter.Layer> flopLayers() {
        return networks.online().flopLayers(trainRunner.dims().agents(), !sparse);
    }

    @Override
    public boolean supportsResume() {
        return false;
    }

    public TargetNetworks networks() {
        return networks;
    }

    public DualReplay replay() {
        return replay;
    }
}

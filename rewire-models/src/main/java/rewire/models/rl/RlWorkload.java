package rewire.models.rl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.autodiff.Tape;
import rewire.io.Checkpoint;
import rewire.io.ParamState;
import rewire.optim.Slots;
import rewire.tensor.Rng;
import rewire.train.Evaluation;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.StepContext;
import rewire.train.StepResult;
import rewire.train.Workload;

/**
 * Single-agent deep RL as a {@link Workload}: one parameter group per module (encoder, critic,
 * actor; SAC's temperature), each with its own optimizer and sparsity regime. A training step plays
 * one vector step of the environments per critic update into the replay (the first step first plays
 * {@code agent.startSteps} random steps), then the {@link Learner}'s updates, each group through the
 * DST engine and its optimizer; every {@code diagnostics.every} steps it measures plasticity.
 * Evaluation plays greedy episodes: mean return (the primary score), its standard deviation, minimum
 * and maximum, episode length, and the FLOPs of choosing one action.
 *
 * <p>Samples are environment steps; one example in FLOP accounting is one transition of a batch
 * (TD3's critic and encoder layers count their {@code policyDelay} updates as as many passes);
 * acting, target networks and the critic inside the actor's loss are forward-only FLOPs.
 * Checkpoints hold the replay, the environments (physics and generators), the target networks and
 * the counters, so a resumed run continues to the same bits.
 */
public final class RlWorkload implements Workload {
    private static final String PREFIX = "workload/";
    private static final List<Score> SCORES = List.of(Score.higher("return", "evaluation return"));

    private final String name;
    private final Learner learner;
    private final Experience experience;
    private final GreedyEpisodes evaluation;
    private final Plasticity plasticity;
    private final AgentSettings agent;
    private final DiagnosticsSettings diagnostics;
    private final ForwardTally tally;
    private final Rng rng;
    private final Tape actTape;
    private final Tape probeTape;
    private double lastEvalReturn = Double.NaN;
    private Map<String, Double> lastDiagnostics = Map.of();

    RlWorkload(String name, Learner learner, Experience experience, GreedyEpisodes evaluation, RlConfig config,
               ForwardTally tally, Rng rng, Tape actTape, Tape probeTape) {
        this.name = name;
        this.learner = learner;
        this.experience = experience;
        this.evaluation = evaluation;
        this.plasticity = new Plasticity(config.diagnostics());
        this.agent = config.agent();
        this.diagnostics = config.diagnostics();
        this.tally = tally;
        this.rng = rng;
        this.actTape = actTape;
        this.probeTape = probeTape;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ParamGroup> groups() {
        return learner.groups();
    }

    @Override
    public long stepsPerEpoch() {
        return agent.stepsPerEpoch();
    }

    @Override
    public String sampleUnit() {
        return "env steps";
    }

    @Override
    public StepResult step(StepContext context) {
        long before = experience.envSteps();
        Rng step = rng.fold(context.step());
        long warm = 0;
        while (experience.envSteps() < agent.startSteps() || experience.replay().size() < agent.batchSize()) {
            experience.collect(learner, actTape, true, step.fold(-1 - warm++), tally);
        }
        for (int k = 0; k < learner.criticUpdates(); k++) {
            experience.collect(learner, actTape, false, step.fold(k), tally);
        }
        int[] drawn = {0};
        Learner.Losses losses = learner.update(context, () -> experience.replay().sample(agent.batchSize(),
                step.fold(1000 + drawn[0]++)), step.fold(2000));
        if (diagnostics.every() > 0 && (context.step() + 1) % diagnostics.every() == 0) {
            lastDiagnostics = plasticity.measure(learner, experience.replay().sample(diagnostics.batch(),
                    step.fold(3000)), probeTape);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("encoderLoss", losses.encoder());
        if (Double.isFinite(losses.actor())) {
            metrics.put("actorLoss", losses.actor());
        }
        metrics.putAll(losses.extra());
        return new StepResult(losses.critic(), experience.envSteps() - before, agent.batchSize(), metrics);
    }

    @Override
    public List<Score> scores() {
        return SCORES;
    }

    @Override
    public Evaluation evaluate(long stepsDone) {
        GreedyEpisodes.Results r = evaluation.play(learner, actTape, stepsDone);
        lastEvalReturn = r.meanReturn();
        long sparse = 0;
        long dense = 0;
        for (Mlp net : learner.actingNetworks()) {
            sparse += net.forwardFlops(false);
            dense += net.forwardFlops(true);
        }
        return Evaluation.builder("greedy episodes", r.returns().length).put("return", r.meanReturn())
                .put("returnStd", r.returnStd())
                .put("returnMin", java.util.Arrays.stream(r.returns()).min().orElseThrow())
                .put("returnMax", java.util.Arrays.stream(r.returns()).max().orElseThrow())
                .put("episodeLength", r.meanLength()).put("envSteps", experience.envSteps())
                .put("inferenceFlops", sparse).put("denseInferenceFlops", dense).build();
    }

    @Override
    public Map<String, Double> status() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("episodes", (double) experience.episodes());
        s.put("envSteps", (double) experience.envSteps());
        s.put("return", experience.recentReturn());
        s.put("evalReturn", lastEvalReturn);
        for (Role role : Role.values()) {
            AgentModule module = learner.module(role);
            if (module != null) {
                s.put("density" + capitalized(role.group()), module.density());
            }
        }
        s.putAll(learner.status(experience.envSteps()));
        s.putAll(lastDiagnostics);
        return s;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public ForwardFlops takeForwardOnlyFlops() {
        return tally.take();
    }

    @Override
    public void save(Checkpoint.Builder c) {
        experience.save(c);
        long[] pending = tally.pending();
        c.putText(PREFIX + "pendingFlops", pending[0] + " " + pending[1]);
        c.putText(PREFIX + "evalReturn", Double.toString(lastEvalReturn));
        c.putText(PREFIX + "diagnostics", encode(lastDiagnostics));
        List<TargetNetwork<?>> targets = learner.targets();
        for (int i = 0; i < targets.size(); i++) {
            ParamState.putParams(c, PREFIX + "target" + i + "/", targets.get(i).target().params());
        }
    }

    @Override
    public void restore(Checkpoint c) {
        experience.restore(c);
        String[] pending = c.text(PREFIX + "pendingFlops").split(" ");
        tally.restore(new long[] {Long.parseLong(pending[0]), Long.parseLong(pending[1])});
        lastEvalReturn = Double.parseDouble(c.text(PREFIX + "evalReturn"));
        lastDiagnostics = decode(c.text(PREFIX + "diagnostics"));
        List<TargetNetwork<?>> targets = learner.targets();
        for (int i = 0; i < targets.size(); i++) {
            ParamState.restoreParams(c, PREFIX + "target" + i + "/", targets.get(i).target().params(), new Slots());
        }
    }

    // "key=value key=value" with doubles in their exact decimal form
    private static String encode(Map<String, Double> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }

    private static Map<String, Double> decode(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String entry : text.trim().split(" ")) {
            if (!entry.isEmpty()) {
                int eq = entry.indexOf('=');
                out.put(entry.substring(0, eq), Double.parseDouble(entry.substring(eq + 1)));
            }
        }
        return out;
    }

    /** A greedy episode from the start {@code seed} draws, recorded for {@code rewire sample}. */
    public RecordedEpisode recordEpisode(long seed) {
        return evaluation.record(learner, actTape, seed);
    }

    /** The learner, for tests. */
    public Learner learner() {
        return learner;
    }
}

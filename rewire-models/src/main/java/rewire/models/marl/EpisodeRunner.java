package rewire.models.marl;

import rewire.autodiff.Tape;
import rewire.models.marl.env.MultiAgentEnv;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Plays episodes with the shared agent network, decentralised: each agent acts on its own
 * observation history (the GRU state), epsilon-greedy over its available actions (pymarl's
 * action selector: with probability ε a uniformly random available action, else the available
 * action of largest utility). Counts the agent-network columns it ran, for FLOP accounting.
 */
public final class EpisodeRunner {
    private final MultiAgentEnv env;
    private final Episode.Dims dims;
    private final Tape tape;
    private long forwardColumns;

    public EpisodeRunner(MultiAgentEnv env, Tape tape) {
        this.env = env;
        this.dims = Episode.Dims.of(env);
        this.tape = tape;
    }

    public Episode.Dims dims() {
        return dims;
    }

    /** The environment it plays. */
    public MultiAgentEnv env() {
        return env;
    }

    /** Agent-network columns (agent decisions) run since the last call, then resets the count. */
    public long takeForwardColumns() {
        long c = forwardColumns;
        forwardColumns = 0;
        return c;
    }

    /** Plays one episode with exploration {@code epsilon} (0 for greedy). */
    public Episode play(AgentNetwork agent, double epsilon, Rng rng) {
        int n = dims.agents();
        env.reset();
        Episode.Recorder rec = new Episode.Recorder(dims, env.episodeLimit());
        rec.observe(env);
        Tensor h = Tensor.zeros(agent.hiddenSize(), n);
        Tensor x = Tensor.zeros(AgentInputs.size(dims), n);
        float[] obs = new float[dims.observationSize()];
        int[] last = new int[n];
        java.util.Arrays.fill(last, -1);
        int[] chosen = new int[n];
        boolean done = false;
        while (!done) {
            for (int i = 0; i < n; i++) {
                env.observation(i, obs);
                AgentInputs.write(x, i, dims, obs, i, last[i]);
            }
            tape.clear();
            AgentNetwork.Outputs out = agent.forward(tape, x, h, 1);  // q (A, n)
            h = out.lastHidden(1);
            forwardColumns += n;
            for (int i = 0; i < n; i++) {
                chosen[i] = select(out.q().value(), i, rec, epsilon, rng);
            }
            MultiAgentEnv.Transition result = env.step(chosen);
            rec.step(chosen, result);
            rec.observe(env);
            System.arraycopy(chosen, 0, last, 0, n);
            done = result.done();
        }
        tape.clear();
        return rec.finish();
    }

    private int select(Tensor q, int agent, Episode.Recorder rec, double epsilon, Rng rng) {
        int actions = dims.actions();
        boolean[] allowed = new boolean[actions];
        int count = 0;
        for (int a = 0; a < actions; a++) {
            allowed[a] = rec.available(agent, a);
            count += allowed[a] ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalStateException("agent " + agent + " has no available action");
        }
        if (epsilon > 0 && rng.nextDouble() < epsilon) {
            int pick = rng.nextInt(count);
            for (int a = 0; a < actions; a++) {
                if (allowed[a] && pick-- == 0) {
                    return a;
                }
            }
        }
        double[] column = new double[actions];
        for (int a = 0; a < actions; a++) {
            column[a] = q.data()[a * q.cols() + agent];
        }
        return BootstrapOperator.greedy(column, allowed);
    }
}

package rewire.models.rl;

import rewire.autodiff.Tape;
import rewire.io.Checkpoint;
import rewire.models.rl.env.ActionSpace;
import rewire.models.rl.env.VectorEnv;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Where transitions come from: the training environments stepped with the learner's exploring
 * actions (or uniformly random ones before learning starts) and the replay buffer they go into,
 * with the counts a learner reports (environment steps, episodes, recent returns). Actions are
 * stored as the agent chooses them, normalized ({@link ActionSpace#fromNormalized}).
 */
final class Experience {
    private static final String PREFIX = "workload/";
    private final VectorEnv envs;
    private final ReplayBuffer replay;
    private final ActionSpace actions;
    private final ReturnWindow recent = new ReturnWindow(20);
    private final float[][] agentActions;
    private final float[][] envActions;
    private long envSteps;
    private long episodes;

    Experience(VectorEnv envs, ReplayBuffer replay) {
        this.envs = envs;
        this.replay = replay;
        this.actions = envs.env(0).actions();
        this.agentActions = new float[envs.size()][actions.dims()];
        this.envActions = new float[envs.size()][actions.dims()];
        envs.reset();
    }

    /**
     * One step of every environment: the learner's exploring actions, or uniform random ones when
     * {@code random}; every transition into the replay; the acting networks' FLOPs into {@code tally}.
     */
    void collect(Learner learner, Tape tape, boolean random, Rng rng, ForwardTally tally) {
        float[][] obs = envs.observations();
        int n = envs.size();
        if (random) {
            for (int i = 0; i < n; i++) {
                actions.sampleNormalized(rng.fold(i), agentActions[i]);
            }
        } else {
            learner.act(tape, columns(obs), true, envSteps, rng, agentActions);
            learner.actingNetworks().forEach(net -> tally.add(net, n, 1));
        }
        float[][] before = new float[n][];
        for (int i = 0; i < n; i++) {
            before[i] = obs[i].clone();
            actions.fromNormalized(agentActions[i], envActions[i]);
        }
        envs.step(envActions);
        for (int i = 0; i < n; i++) {
            replay.add(before[i], agentActions[i], envs.outcome(i).reward(), envs.finalObservation(i),
                    envs.outcome(i).terminated());
        }
        for (VectorEnv.Finished e : envs.finished()) {
            recent.add(e.totalReward());
            episodes++;
        }
        envSteps += n;
    }

    /** Rows of observations as columns of a tensor {@code (obs, N)}. */
    static Tensor columns(float[][] rows) {
        int n = rows.length;
        int size = rows[0].length;
        Tensor t = Tensor.zeros(size, n);
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < size; k++) {
                t.data()[k * n + c] = rows[c][k];
            }
        }
        return t;
    }

    ReplayBuffer replay() {
        return replay;
    }

    long envSteps() {
        return envSteps;
    }

    long episodes() {
        return episodes;
    }

    /** Mean return of the last 20 training episodes; NaN before the first ended. */
    double recentReturn() {
        return recent.mean();
    }

    void save(Checkpoint.Builder c) {
        c.putLong(PREFIX + "envSteps", envSteps);
        c.putLong(PREFIX + "episodes", episodes);
        c.putText(PREFIX + "recent", recent.encode());
        c.putText(PREFIX + "envs", envs.encode());
        replay.save(c, PREFIX + "replay/");
    }

    void restore(Checkpoint c) {
        envSteps = c.longValue(PREFIX + "envSteps");
        episodes = c.longValue(PREFIX + "episodes");
        recent.decode(c.text(PREFIX + "recent"));
        envs.decode(c.text(PREFIX + "envs"));
        replay.restore(c, PREFIX + "replay/");
    }
}

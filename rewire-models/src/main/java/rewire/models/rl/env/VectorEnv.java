package rewire.models.rl.env;

import java.util.ArrayList;
import java.util.List;
import rewire.tensor.Rng;

/**
 * {@code n} copies of one task stepped together, as Gymnasium's {@code SyncVectorEnv} with
 * same-step autoreset ({@code AutoresetMode.SAME_STEP}, gymnasium/vector/sync_vector_env.py): a
 * copy whose episode ends is reset within the same step, its {@link #observations} row holds the
 * new episode's first observation and {@link #finalObservation} the one the episode ended on,
 * which is what a transition needs. Copy {@code i} is seeded from {@code Rng(seed).fold(i)}.
 *
 * <p>Observations are one row of {@code observationSize} floats per copy. The counters (steps,
 * finished episodes, their returns and lengths) let a learner report its progress.
 */
public final class VectorEnv {
    private final List<ControlEnv> envs = new ArrayList<>();
    private final float[][] observations;
    private final float[][] finalObservations;
    private final ControlEnv.Outcome[] outcomes;
    private final double[] episodeReturn;
    private final int[] episodeLength;
    private final List<Finished> finished = new ArrayList<>();
    private long steps;

    /** A finished episode: its undiscounted return and its length. */
    public record Finished(double totalReward, int length) {
    }

    public VectorEnv(Task task, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("a vector environment needs at least one copy, got " + n);
        }
        Rng root = new Rng(seed);
        for (int i = 0; i < n; i++) {
            envs.add(task.create(root.fold(i).nextLong()));
        }
        int size = envs.get(0).observationSize();
        observations = new float[n][size];
        finalObservations = new float[n][size];
        outcomes = new ControlEnv.Outcome[n];
        episodeReturn = new double[n];
        episodeLength = new int[n];
    }

    public int size() {
        return envs.size();
    }

    /** One copy (for its action space, dynamics and snapshots). */
    public ControlEnv env(int i) {
        return envs.get(i);
    }

    /** Starts an episode in every copy. */
    public void reset() {
        for (int i = 0; i < envs.size(); i++) {
            envs.get(i).reset(observations[i]);
            episodeReturn[i] = 0;
            episodeLength[i] = 0;
        }
    }

    /** The current observation of every copy (after a step: the next episode's first one where an episode ended). */
    public float[][] observations() {
        return observations;
    }

    /**
     * Steps every copy with its row of {@code actions}; a copy whose episode ends is reset at once.
     * The outcomes, final observations and finished episodes of this step are readable until the next.
     */
    public void step(float[][] actions) {
        if (actions.length != envs.size()) {
            throw new IllegalArgumentException(actions.length + " actions for " + envs.size() + " environments");
        }
        finished.clear();
        for (int i = 0; i < envs.size(); i++) {
            ControlEnv env = envs.get(i);
            ControlEnv.Outcome o = env.step(actions[i], finalObservations[i]);
            outcomes[i] = o;
            episodeReturn[i] += o.reward();
            episodeLength[i]++;
            if (o.done()) {
                finished.add(new Finished(episodeReturn[i], episodeLength[i]));
                episodeReturn[i] = 0;
                episodeLength[i] = 0;
                env.reset(observations[i]);
            } else {
                System.arraycopy(finalObservations[i], 0, observations[i], 0, observations[i].length);
            }
        }
        steps += envs.size();
    }

    /** What copy {@code i}'s last step did. */
    public ControlEnv.Outcome outcome(int i) {
        return outcomes[i];
    }

    /** The observation copy {@code i}'s last step reached (the last one of its episode if that ended). */
    public float[] finalObservation(int i) {
        return finalObservations[i];
    }

    /** The episodes that ended in the last step. */
    public List<Finished> finished() {
        return List.copyOf(finished);
    }

    /** Environment steps taken by all copies together. */
    public long steps() {
        return steps;
    }

    /** Text of every copy's snapshot and running episode, one line per copy: for checkpoints. */
    public String encode() {
        StringBuilder b = new StringBuilder().append(steps);
        for (int i = 0; i < envs.size(); i++) {
            b.append('\n').append(episodeReturn[i]).append(' ').append(episodeLength[i]).append(' ');
            for (float v : observations[i]) {
                b.append(v).append(' ');
            }
            b.append("| ").append(envs.get(i).snapshot().encode());
        }
        return b.toString();
    }

    /** Continues from {@link #encode}'s text of a vector environment of the same task and size. */
    public void decode(String text) {
        String[] lines = text.split("\n");
        if (lines.length != envs.size() + 1) {
            throw new IllegalArgumentException("vector environment state holds " + (lines.length - 1)
                    + " copies, this one has " + envs.size());
        }
        steps = Long.parseLong(lines[0].trim());
        for (int i = 0; i < envs.size(); i++) {
            String[] halves = lines[i + 1].split("\\|");
            String[] f = halves[0].trim().split(" ");
            episodeReturn[i] = Double.parseDouble(f[0]);
            episodeLength[i] = Integer.parseInt(f[1]);
            for (int k = 0; k < observations[i].length; k++) {
                observations[i][k] = Float.parseFloat(f[2 + k]);
            }
            envs.get(i).restore(ControlEnv.Snapshot.decode(halves[1]));
        }
    }
}

package rewire.models.marl;

import java.util.List;
import rewire.tensor.Tensor;

/**
 * A batch of {@code B} episodes padded to the longest, {@code T} steps, in the layouts the
 * learner needs. Per-agent columns are {@code (t·B + b)·n + i} over decision points
 * {@code t ∈ [0, T]}; per-sample columns (mixer, targets) are {@code t·B + b}. Padded steps have
 * mask 0, zero inputs and reward, and only action 0 available, so every operator stays defined.
 */
public final class EpisodeBatch {
    private final Episode.Dims dims;
    private final int episodes;
    private final int steps;
    private final Tensor agentInputs;
    private final Tensor states;
    private final int[] actions;
    private final boolean[] available;
    private final float[] rewards;
    private final float[] terminated;
    private final float[] mask;
    private final int[] lengths;

    public EpisodeBatch(List<Episode> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("an episode batch needs at least one episode");
        }
        dims = batch.get(0).dims();
        episodes = batch.size();
        int longest = 0;
        for (Episode e : batch) {
            if (!e.dims().equals(dims)) {
                throw new IllegalArgumentException("episodes of different sizes in one batch: " + e.dims() + " and "
                        + dims);
            }
            longest = Math.max(longest, e.length());
        }
        steps = longest;
        int n = dims.agents();
        int points = (steps + 1) * episodes;
        agentInputs = Tensor.zeros(AgentInputs.size(dims), points * n);
        states = Tensor.zeros(dims.stateSize(), points);
        actions = new int[steps * episodes * n];
        available = new boolean[points * n * dims.actions()];
        rewards = new float[steps * episodes];
        terminated = new float[steps * episodes];
        mask = new float[steps * episodes];
        lengths = new int[episodes];
        for (int b = 0; b < episodes; b++) {
            fill(b, batch.get(b));
        }
    }

    private void fill(int b, Episode e) {
        int n = dims.agents();
        int stateWidth = states.cols();
        float[] obs = new float[dims.observationSize()];
        lengths[b] = e.length();
        for (int t = 0; t <= steps; t++) {
            int sample = t * episodes + b;
            boolean real = t <= e.length();
            for (int i = 0; i < n; i++) {
                int col = sample * n + i;
                if (real) {
                    AgentInputs.write(agentInputs, col, e, t, i, obs);
                }
                for (int a = 0; a < dims.actions(); a++) {
                    available[col * dims.actions() + a] = real ? e.available(t, i, a) : a == 0;
                }
                if (t < e.length()) {
                    actions[col] = e.action(t, i);
                }
            }
            if (real) {
                for (int s = 0; s < dims.stateSize(); s++) {
                    states.data()[s * stateWidth + sample] = e.state(t, s);
                }
            }
            if (t < e.length()) {
                rewards[sample] = e.reward(t);
                mask[sample] = 1f;
                terminated[sample] = t == e.length() - 1 && e.terminal() ? 1f : 0f;
            }
        }
    }

    public Episode.Dims dims() {
        return dims;
    }

    /** Episodes in the batch, B. */
    public int episodes() {
        return episodes;
    }

    /** Steps of the longest episode, T. */
    public int steps() {
        return steps;
    }

    /** Agent-network inputs {@code (in, (T+1)·B·n)}. */
    public Tensor agentInputs() {
        return agentInputs;
    }

    /** Global states {@code (S, (T+1)·B)}. */
    public Tensor states() {
        return states;
    }

    /** Actions taken, index {@code (t·B + b)·n + i} for {@code t < T} (0 on padding). */
    public int[] actions() {
        return actions;
    }

    /** Whether action {@code a} was available: index {@code ((t·B + b)·n + i)·A + a}, {@code t ≤ T}. */
    public boolean available(int agentColumn, int action) {
        return available[agentColumn * dims.actions() + action];
    }

    /** Rewards at {@code t·B + b}, {@code t < T}. */
    public float[] rewards() {
        return rewards;
    }

    /** 1 where step {@code t·B + b} ended the game (win or loss), else 0. */
    public float[] terminated() {
        return terminated;
    }

    /** 1 where step {@code t·B + b} exists, 0 on padding. */
    public float[] mask() {
        return mask;
    }

    /** Length of episode {@code b}. */
    public int length(int b) {
        return lengths[b];
    }

    /** The states of decision points {@code 0 … T−1} (the first {@code T·B} columns), copied. */
    public Tensor statesBeforeEnd() {
        return columns(states, 0, steps * episodes);
    }

    /** The states of decision points {@code 1 … T}, copied. */
    public Tensor statesAfterStart() {
        return columns(states, episodes, steps * episodes);
    }

    static Tensor columns(Tensor t, int from, int count) {
        Tensor out = Tensor.zeros(t.rows(), count);
        for (int r = 0; r < t.rows(); r++) {
            System.arraycopy(t.data(), r * t.cols() + from, out.data(), r * count, count);
        }
        return out;
    }
}

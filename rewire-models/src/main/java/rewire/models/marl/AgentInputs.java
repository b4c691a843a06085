package rewire.models.marl;

import rewire.tensor.Tensor;

/**
 * The input of the shared agent network, as pymarl builds it: the agent's observation, then its
 * one-hot id (so one network can act differently per agent), then its one-hot previous action
 * (all zero at the first step). Written column by column into a feature-major {@code (in, cols)}
 * matrix.
 */
public final class AgentInputs {
    private AgentInputs() {
    }

    /** Input rows for these sizes: observation + agents + actions. */
    public static int size(Episode.Dims dims) {
        return dims.observationSize() + dims.agents() + dims.actions();
    }

    /**
     * Writes column {@code col} of {@code x} for {@code agent}: {@code observation} (length O)
     * and {@code lastAction} (−1 for none).
     */
    public static void write(Tensor x, int col, Episode.Dims dims, float[] observation, int agent, int lastAction) {
        assert x.rows() == size(dims) : x.shape() + " for " + dims;
        int width = x.cols();
        float[] d = x.data();
        int o = dims.observationSize();
        for (int f = 0; f < o; f++) {
            d[f * width + col] = observation[f];
        }
        for (int i = 0; i < dims.agents(); i++) {
            d[(o + i) * width + col] = i == agent ? 1f : 0f;
        }
        for (int a = 0; a < dims.actions(); a++) {
            d[(o + dims.agents() + a) * width + col] = a == lastAction ? 1f : 0f;
        }
    }

    /** Writes column {@code col} for {@code agent} at decision point {@code t} of a recorded episode. */
    public static void write(Tensor x, int col, Episode e, int t, int agent, float[] scratch) {
        for (int f = 0; f < scratch.length; f++) {
            scratch[f] = e.observation(t, agent, f);
        }
        write(x, col, e.dims(), scratch, agent, t == 0 ? -1 : e.action(t - 1, agent));
    }
}

package rewire.models.rl;

import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Shape;

/**
 * The autodiff ops of value and policy learning beyond the core ones, each with its gradient
 * beside it, shared by the single-agent learners and the multi-agent ones. Activations are
 * feature-major {@code (features, M)}: one column per sample (a transition, or a (time step,
 * episode, agent) point of an episode batch).
 */
public final class RlOps {
    private RlOps() {
    }

    /** The sum of each column: {@code x (R, M) -> y (1, M)}; {@code dx[r, m] += dy[m]}. */
    public static Var sumRows(Tape tape, Var x) {
        int rows = x.value().rows();
        int m = x.value().cols();
        Var y = tape.output("sumRows", x.requiresGrad(), 1, m);
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        java.util.Arrays.fill(yv, 0f);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < m; c++) {
                yv[c] += xv[r * m + c];
            }
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < m; c++) {
                    dx[r * m + c] += dy[c];
                }
            }
        });
        return y;
    }

    /**
     * The utilities of the chosen actions, rearranged with agents as rows: for agent-major
     * columns {@code q (A, K·n)} (column {@code k·n + i} is agent {@code i} of sample {@code k};
     * only the first {@code K·n} columns are read) and {@code actions (K·n)},
     * {@code y[i, k] = q[actions[k·n + i], k·n + i]}, {@code y (n, K)}. The gradient scatters back.
     */
    public static Var gatherChosen(Tape tape, Var q, int[] actions, int agents) {
        int a = q.value().rows();
        int width = q.value().cols();
        if (actions.length % agents != 0 || actions.length > width) {
            throw new IllegalArgumentException("gatherChosen: " + actions.length + " actions for " + agents
                    + " agents and Q-values " + q.shape());
        }
        int k = actions.length / agents;
        int[] kept = tape.scratchInts(actions.length);
        for (int j = 0; j < actions.length; j++) {
            if (actions[j] < 0 || actions[j] >= a) {
                throw new IllegalArgumentException("gatherChosen: action " + actions[j] + " outside [0, " + a + ")");
            }
            kept[j] = actions[j];
        }
        Var y = tape.output("gatherChosen", q.requiresGrad(), agents, k);
        float[] qv = q.value().data();
        float[] yv = y.value().data();
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < agents; i++) {
                int col = s * agents + i;
                yv[i * k + s] = qv[kept[col] * width + col];
            }
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dq = tape.grad(q).data();
            for (int s = 0; s < k; s++) {
                for (int i = 0; i < agents; i++) {
                    int col = s * agents + i;
                    dq[kept[col] * width + col] += dy[i * k + s];
                }
            }
        });
        return y;
    }

    /**
     * The masked mean squared TD error {@code Σ_m mask_m (pred_m − target_m)² / Σ_m mask_m} for
     * {@code pred (1, M)}; a scalar {@code ()}. {@code dpred_m += 2 mask_m (pred_m − target_m) / Σ mask}.
     * Targets and mask are copied.
     */
    public static Var maskedSquaredError(Tape tape, Var pred, float[] target, float[] mask) {
        int m = pred.value().size();
        if (target.length != m || mask.length != m) {
            throw new IllegalArgumentException("maskedSquaredError: prediction " + pred.shape() + ", " + target.length
                    + " targets, " + mask.length + " mask entries");
        }
        double count = 0;
        double total = 0;
        float[] error = tape.scratch(Shape.of(m)).data();
        float[] pv = pred.value().data();
        for (int c = 0; c < m; c++) {
            error[c] = mask[c] * (pv[c] - target[c]);
            total += (double) error[c] * error[c];
            count += mask[c];
        }
        if (count <= 0) {
            throw new IllegalArgumentException("maskedSquaredError: the mask selects nothing");
        }
        double denominator = count;
        Var loss = tape.output("maskedSquaredError", pred.requiresGrad(), Shape.of());
        loss.value().data()[0] = (float) (total / denominator);
        tape.onBackward(loss, () -> {
            float g = (float) (2 * loss.grad().data()[0] / denominator);
            float[] dp = tape.grad(pred).data();
            for (int c = 0; c < m; c++) {
                dp[c] += g * error[c];
            }
        });
        return loss;
    }
}

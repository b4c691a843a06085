package rewire.models.rl;

import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Shape;
import rewire.tensor.Tensor;

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
     * The masked mean squared TD error {@code Σ_m mask_m (pred_m − target_m)² / Σ_m mask_m} over
     * the elements of {@code pred} ({@code (1, M)} for TD errors, any shape for regressions); a
     * scalar {@code ()}. {@code dpred_m += 2 mask_m (pred_m − target_m) / Σ mask}.
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

    /** {@code y = exp(x)}; {@code dx += dy · y}. Shapes {@code x, y : S}. */
    public static Var exp(Tape tape, Var x) {
        Var y = tape.output("exp", x.requiresGrad(), x.shape());
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            yv[i] = (float) Math.exp(xv[i]);
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dy[i] * yv[i];
            }
        });
        return y;
    }

    /** {@code y = scale · x + shift}; {@code dx += scale · dy}. Shapes {@code x, y : S}. */
    public static Var affine(Tape tape, Var x, double scale, double shift) {
        Var y = tape.output("affine", x.requiresGrad(), x.shape());
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        float a = (float) scale;
        float b = (float) shift;
        for (int i = 0; i < yv.length; i++) {
            yv[i] = a * xv[i] + b;
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += a * dy[i];
            }
        });
        return y;
    }

    /** {@code y = min(a, b)} elementwise; the gradient goes to the smaller (to {@code a} on ties). Shapes {@code S}. */
    public static Var minimum(Tape tape, Var a, Var b) {
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException("minimum: shapes " + a.shape() + " and " + b.shape() + " differ");
        }
        Var y = tape.output("minimum", Tape.anyRequiresGrad(a, b), a.shape());
        float[] av = a.value().data();
        float[] bv = b.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            yv[i] = Math.min(av[i], bv[i]);
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] da = a.requiresGrad() ? tape.grad(a).data() : null;
            float[] db = b.requiresGrad() ? tape.grad(b).data() : null;
            for (int i = 0; i < dy.length; i++) {
                boolean first = av[i] <= bv[i];
                if (first && da != null) {
                    da[i] += dy[i];
                } else if (!first && db != null) {
                    db[i] += dy[i];
                }
            }
        });
        return y;
    }

    /**
     * Rows of {@code a (Ra, M)} then rows of {@code b (Rb, M)}: {@code y (Ra + Rb, M)}, as the
     * input of a critic that reads a state and an action. The gradient splits back.
     */
    public static Var concatRows(Tape tape, Var a, Var b) {
        int m = a.value().cols();
        if (b.value().cols() != m) {
            throw new IllegalArgumentException("concatRows: " + a.shape() + " and " + b.shape() + " have different columns");
        }
        int split = a.value().size();
        Var y = tape.output("concatRows", Tape.anyRequiresGrad(a, b), a.value().rows() + b.value().rows(), m);
        float[] yv = y.value().data();
        System.arraycopy(a.value().data(), 0, yv, 0, split);
        System.arraycopy(b.value().data(), 0, yv, split, b.value().size());
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            if (a.requiresGrad()) {
                float[] da = tape.grad(a).data();
                for (int i = 0; i < split; i++) {
                    da[i] += dy[i];
                }
            }
            if (b.requiresGrad()) {
                float[] db = tape.grad(b).data();
                for (int i = 0; i < db.length; i++) {
                    db[i] += dy[split + i];
                }
            }
        });
        return y;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of {@code x (R, M)}: {@code y (to - from, M)}. */
    public static Var sliceRows(Tape tape, Var x, int from, int to) {
        int m = x.value().cols();
        if (from < 0 || to > x.value().rows() || from >= to) {
            throw new IllegalArgumentException("sliceRows: rows [" + from + ", " + to + ") of " + x.shape());
        }
        int offset = from * m;
        Var y = tape.output("sliceRows", x.requiresGrad(), to - from, m);
        float[] yv = y.value().data();
        System.arraycopy(x.value().data(), offset, yv, 0, yv.length);
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dy.length; i++) {
                dx[offset + i] += dy[i];
            }
        });
        return y;
    }

    /**
     * The log-density of a tanh-squashed Gaussian action, summed over action dimensions (Haarnoja
     * et al., "Soft Actor-Critic Algorithms and Applications", 2018, App. C): for
     * {@code u = μ + σ ε} and {@code a = tanh(u)},
     * {@code log π(a) = Σ_i [-ε_i²/2 - log σ_i - log(2π)/2 - log(1 - tanh² u_i)]}, with
     * {@code log(1 - tanh² u) = 2 (log 2 - u - softplus(-2u))} computed without cancellation.
     * Inputs {@code logStd, u (A, M)} and the noise {@code ε (A, M)} (a constant: the
     * reparameterization keeps {@code ε} fixed); output {@code (1, M)}. Gradients:
     * {@code dlogStd += -dy}, {@code du += 2 tanh(u) dy}.
     */
    public static Var squashedLogProb(Tape tape, Var logStd, Var u, Tensor noise) {
        if (!logStd.shape().equals(u.shape()) || !u.shape().equals(noise.shape())) {
            throw new IllegalArgumentException("squashedLogProb: log std " + logStd.shape() + ", u " + u.shape()
                    + " and noise " + noise.shape() + " must have one shape");
        }
        int dims = u.value().rows();
        int m = u.value().cols();
        float[] sv = logStd.value().data();
        float[] uv = u.value().data();
        float[] ev = noise.data();
        Var y = tape.output("squashedLogProb", Tape.anyRequiresGrad(logStd, u), 1, m);
        float[] yv = y.value().data();
        double halfLog2Pi = 0.5 * Math.log(2 * Math.PI);
        for (int c = 0; c < m; c++) {
            double sum = 0;
            for (int i = 0; i < dims; i++) {
                int k = i * m + c;
                double uk = uv[k];
                double logOneMinusTanh2 = 2 * (Math.log(2) - uk - softplus(-2 * uk));
                sum += -0.5 * ev[k] * ev[k] - sv[k] - halfLog2Pi - logOneMinusTanh2;
            }
            yv[c] = (float) sum;
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] ds = logStd.requiresGrad() ? tape.grad(logStd).data() : null;
            float[] du = u.requiresGrad() ? tape.grad(u).data() : null;
            for (int i = 0; i < dims; i++) {
                for (int c = 0; c < m; c++) {
                    int k = i * m + c;
                    if (ds != null) {
                        ds[k] -= dy[c];
                    }
                    if (du != null) {
                        du[k] += 2 * (float) Math.tanh(uv[k]) * dy[c];
                    }
                }
            }
        });
        return y;
    }

    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** The mean squared error {@code Σ (pred − target)² / size} over every element of {@code pred}; a scalar. */
    public static Var squaredError(Tape tape, Var pred, float[] target) {
        float[] all = new float[pred.value().size()];
        java.util.Arrays.fill(all, 1f);
        return maskedSquaredError(tape, pred, target, all);
    }

    /**
     * Every column divided by the mean absolute value of its entries, {@code y = x / max(mean|x|, 1e-8)}
     * (AvgL1Norm, Fujimoto et al., "For SALE: State-Action Representation Learning for Deep
     * Reinforcement Learning", NeurIPS 2023; MR.Q normalizes its state embedding so): the scale of
     * a learned embedding cannot collapse. With {@code s} the mean over the {@code R} rows of a
     * column, {@code dx_j += dy_j / s - sign(x_j) Σ_i dy_i x_i / (R s²)}. Shapes {@code (R, M)}.
     */
    public static Var avgL1Norm(Tape tape, Var x) {
        int rows = x.value().rows();
        int m = x.value().cols();
        float[] xv = x.value().data();
        float[] scale = tape.scratch(1, m).data();
        java.util.Arrays.fill(scale, 0f);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < m; c++) {
                scale[c] += Math.abs(xv[r * m + c]);
            }
        }
        for (int c = 0; c < m; c++) {
            scale[c] = Math.max(scale[c] / rows, 1e-8f);
        }
        Var y = tape.output("avgL1Norm", x.requiresGrad(), rows, m);
        float[] yv = y.value().data();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < m; c++) {
                yv[r * m + c] = xv[r * m + c] / scale[c];
            }
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            float[] dot = new float[m];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < m; c++) {
                    dot[c] += dy[r * m + c] * xv[r * m + c];
                }
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < m; c++) {
                    int k = r * m + c;
                    dx[k] += dy[k] / scale[c] - Math.signum(xv[k]) * dot[c] / (rows * scale[c] * scale[c]);
                }
            }
        });
        return y;
    }
}

package rewire.models.marl;

import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * The autodiff ops value mixing needs beyond the core ones and {@link rewire.models.rl.RlOps}, each
 * with its gradient beside it. Activations are feature-major: one column per (time step, episode)
 * or per (time step, episode, agent) sample.
 */
public final class MarlOps {
    private MarlOps() {
    }

    /** {@code y = |x|}; {@code dx += sign(x) · dy} (0 at 0). Shapes {@code x, y : S}. */
    public static Var abs(Tape tape, Var x) {
        Var y = tape.output("abs", x.requiresGrad(), x.shape());
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < yv.length; i++) {
            yv[i] = Math.abs(xv[i]);
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += Math.signum(xv[i]) * dy[i];
            }
        });
        return y;
    }

    /**
     * A per-column product of an agent vector with a per-column matrix, QMIX's first mixing
     * layer: {@code y[e, m] = Σ_i q[i, m] · w[i·E + e, m]} for {@code q (n, M)}, {@code w (n·E, M)},
     * {@code y (E, M)}. Gradients: {@code dq[i, m] += Σ_e dy[e, m] w[i·E + e, m]},
     * {@code dw[i·E + e, m] += dy[e, m] q[i, m]}.
     */
    public static Var mixAgents(Tape tape, Var q, Var w) {
        int n = q.value().rows();
        int m = q.value().cols();
        if (w.value().cols() != m || w.value().rows() % n != 0) {
            throw new IllegalArgumentException("mixAgents: weights " + w.shape() + " must be (n·E, M) for agent values "
                    + q.shape());
        }
        int e = w.value().rows() / n;
        Var y = tape.output("mixAgents", Tape.anyRequiresGrad(q, w), e, m);
        float[] qv = q.value().data();
        float[] wv = w.value().data();
        float[] yv = y.value().data();
        java.util.Arrays.fill(yv, 0f);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < e; k++) {
                int wRow = (i * e + k) * m;
                for (int c = 0; c < m; c++) {
                    yv[k * m + c] += qv[i * m + c] * wv[wRow + c];
                }
            }
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dq = q.requiresGrad() ? tape.grad(q).data() : null;
            float[] dw = w.requiresGrad() ? tape.grad(w).data() : null;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < e; k++) {
                    int wRow = (i * e + k) * m;
                    for (int c = 0; c < m; c++) {
                        if (dq != null) {
                            dq[i * m + c] += dy[k * m + c] * wv[wRow + c];
                        }
                        if (dw != null) {
                            dw[wRow + c] += dy[k * m + c] * qv[i * m + c];
                        }
                    }
                }
            }
        });
        return y;
    }
}

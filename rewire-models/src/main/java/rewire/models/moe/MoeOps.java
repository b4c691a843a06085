package rewire.models.moe;

import java.util.Arrays;
import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Shape;

/**
 * The autodiff ops of a mixture-of-experts layer, each with its gradient beside it. Activations are
 * feature-major, one column per token: {@code x (d, N)}, router logits {@code z (E, N)}, an
 * expert's tokens {@code x_e (d, n_e)}.
 */
public final class MoeOps {
    private MoeOps() {
    }

    /** Gates {@code (E, N)} and the routing they come from. */
    public record Routed(Var gates, Routing routing) {
    }

    /**
     * Top-k routing with a softmax over the chosen experts (Shazeer et al. 2017; Mixtral's form,
     * Jiang et al. 2024): token t chooses the k largest logits of {@code z[:, t]} (ties to the lower
     * expert) and its gates are {@code softmax(z_S)} over that set S, 0 elsewhere. Gradient: within S,
     * {@code dz_s += g_s · (dg_s − Σ_{s'∈S} g_s' dg_s')}; nothing reaches the logits outside S.
     */
    public static Routed topKGates(Tape tape, Var logits, int k) {
        int experts = logits.value().rows();
        int n = logits.value().cols();
        if (k < 1 || k > experts) {
            throw new IllegalArgumentException("top-k routing needs 1 <= k <= experts (" + experts + "), got " + k);
        }
        float[] z = logits.value().data();
        int[][] chosen = new int[n][];
        float[][] weights = new float[n][k];
        Var gates = tape.output("topKGates", logits.requiresGrad(), experts, n);
        float[] g = gates.value().data();
        Arrays.fill(g, 0f);
        for (int t = 0; t < n; t++) {
            chosen[t] = largest(z, experts, n, t, k);
            double max = z[chosen[t][0] * n + t];
            double sum = 0;
            for (int s = 0; s < k; s++) {
                sum += Math.exp(z[chosen[t][s] * n + t] - max);
            }
            for (int s = 0; s < k; s++) {
                weights[t][s] = (float) (Math.exp(z[chosen[t][s] * n + t] - max) / sum);
                g[chosen[t][s] * n + t] = weights[t][s];
            }
        }
        Routing routing = new Routing(experts, k, chosen, weights);
        tape.onBackward(gates, () -> {
            float[] dg = gates.grad().data();
            float[] dz = tape.grad(logits).data();
            for (int t = 0; t < n; t++) {
                double dot = 0;
                for (int e : chosen[t]) {
                    dot += g[e * n + t] * dg[e * n + t];
                }
                for (int e : chosen[t]) {
                    dz[e * n + t] += (float) (g[e * n + t] * (dg[e * n + t] - dot));
                }
            }
        });
        return new Routed(gates, routing);
    }

    // the k largest of column t of z (E, n), best first, ties to the lower expert
    private static int[] largest(float[] z, int experts, int n, int t, int k) {
        int[] best = new int[k];
        boolean[] taken = new boolean[experts];
        for (int s = 0; s < k; s++) {
            int arg = -1;
            for (int e = 0; e < experts; e++) {
                if (!taken[e] && (arg < 0 || z[e * n + t] > z[arg * n + t])) {
                    arg = e;
                }
            }
            taken[arg] = true;
            best[s] = arg;
        }
        return best;
    }

    /** {@code y (d, n) = x[:, columns]}; {@code dx[:, columns[j]] += dy[:, j]}. */
    public static Var gatherColumns(Tape tape, Var x, int[] columns) {
        int d = x.value().rows();
        int width = x.value().cols();
        int n = columns.length;
        Var y = tape.output("gatherColumns", x.requiresGrad(), d, n);
        float[] xv = x.value().data();
        float[] yv = y.value().data();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < n; j++) {
                yv[i * n + j] = xv[i * width + columns[j]];
            }
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < n; j++) {
                    dx[i * width + columns[j]] += dy[i * n + j];
                }
            }
        });
        return y;
    }

    /**
     * The gated sum of the experts' outputs: {@code y[:, t] (d, N) = Σ_e g[e, t] · out_e[:, j]} for
     * every token {@code t = tokens_e[j]} an expert served. Gradients:
     * {@code dout_e[:, j] += g[e, t] · dy[:, t]}, {@code dg[e, t] += out_e[:, j] · dy[:, t]}.
     */
    public static Var combine(Tape tape, List<ExpertPass> passes, Var gates, int width) {
        if (passes.isEmpty()) {
            throw new IllegalArgumentException("combine needs at least one expert's output");
        }
        int d = passes.get(0).output().value().rows();
        int n = gates.value().cols();
        boolean grad = gates.requiresGrad() || passes.stream().anyMatch(p -> p.output().requiresGrad());
        Var y = tape.output("combine", grad, Shape.of(d, width));
        float[] yv = y.value().data();
        float[] g = gates.value().data();
        Arrays.fill(yv, 0f);
        for (ExpertPass p : passes) {
            float[] out = p.output().value().data();
            int[] tokens = p.tokens();
            int m = tokens.length;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < m; j++) {
                    yv[i * width + tokens[j]] += g[p.expert() * n + tokens[j]] * out[i * m + j];
                }
            }
        }
        tape.onBackward(y, () -> {
            float[] dy = y.grad().data();
            for (ExpertPass p : passes) {
                combineBackward(tape, p, gates, dy, d, width);
            }
        });
        return y;
    }

    private static void combineBackward(Tape tape, ExpertPass p, Var gates, float[] dy, int d, int width) {
        float[] g = gates.value().data();
        int n = gates.value().cols();
        float[] out = p.output().value().data();
        int[] tokens = p.tokens();
        int m = tokens.length;
        float[] dOut = p.output().requiresGrad() ? tape.grad(p.output()).data() : null;
        float[] dg = gates.requiresGrad() ? tape.grad(gates).data() : null;
        for (int j = 0; j < m; j++) {
            int t = tokens[j];
            double gateGrad = 0;
            for (int i = 0; i < d; i++) {
                float upstream = dy[i * width + t];
                if (dOut != null) {
                    dOut[i * m + j] += g[p.expert() * n + t] * upstream;
                }
                gateGrad += out[i * m + j] * upstream;
            }
            if (dg != null) {
                dg[p.expert() * n + t] += (float) gateGrad;
            }
        }
    }

    /**
     * The load-balancing loss of the Switch Transformer (Fedus, Zoph and Shazeer, JMLR 2022,
     * Eq. 4-6), counting every one of the {@code k·N} routing slots: {@code L = E · Σ_e f_e · P_e},
     * with {@code f_e} the share of the slots that chose expert e (a constant: choosing has no
     * gradient) and {@code P_e = (1/N) Σ_t softmax(z[:, t])_e} the mean router probability over all
     * E experts. L is 1 when routing is uniform and E when one expert takes everything. Gradient:
     * {@code dz[e, t] += dL · (E/N) · p_{e,t} · (f_e − Σ_{e'} f_{e'} p_{e',t})}. Returns a scalar.
     */
    public static Var balanceLoss(Tape tape, Var logits, Routing routing) {
        int experts = logits.value().rows();
        int n = logits.value().cols();
        float[] z = logits.value().data();
        double[] probs = new double[experts * n];
        double[] f = new double[experts];
        double loss = 0;
        for (int e = 0; e < experts; e++) {
            f[e] = routing.load(e);
        }
        for (int t = 0; t < n; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int e = 0; e < experts; e++) {
                max = Math.max(max, z[e * n + t]);
            }
            double sum = 0;
            for (int e = 0; e < experts; e++) {
                probs[e * n + t] = Math.exp(z[e * n + t] - max);
                sum += probs[e * n + t];
            }
            for (int e = 0; e < experts; e++) {
                probs[e * n + t] /= sum;
                loss += f[e] * probs[e * n + t];
            }
        }
        Var y = tape.output("balanceLoss", logits.requiresGrad(), Shape.of());
        y.value().data()[0] = (float) (experts * loss / n);
        tape.onBackward(y, () -> {
            double scale = y.grad().data()[0] * experts / (double) n;
            float[] dz = tape.grad(logits).data();
            for (int t = 0; t < n; t++) {
                double mix = 0;
                for (int e = 0; e < experts; e++) {
                    mix += f[e] * probs[e * n + t];
                }
                for (int e = 0; e < experts; e++) {
                    dz[e * n + t] += (float) (scale * probs[e * n + t] * (f[e] - mix));
                }
            }
        });
        return y;
    }

    /**
     * {@code mean((y − target)²)} over every entry of {@code y (d, n)} (the target takes no
     * gradient); {@code dy += dL · 2 (y − target) / (d·n)}. Returns a scalar.
     */
    public static Var meanSquaredError(Tape tape, Var y, float[] target) {
        float[] v = y.value().data();
        if (target.length != v.length || v.length == 0) {
            throw new IllegalArgumentException("meanSquaredError needs a target of " + v.length + " values (y "
                    + y.shape() + "), got " + target.length);
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            double diff = v[i] - target[i];
            sum += diff * diff;
        }
        Var loss = tape.output("meanSquaredError", y.requiresGrad(), Shape.of());
        loss.value().data()[0] = (float) (sum / v.length);
        tape.onBackward(loss, () -> {
            double scale = 2.0 * loss.grad().data()[0] / v.length;
            float[] dy = tape.grad(y).data();
            for (int i = 0; i < v.length; i++) {
                dy[i] += (float) (scale * (v[i] - target[i]));
            }
        });
        return loss;
    }
}

package rewire.autodiff;

import rewire.kernel.Kernels;
import rewire.tensor.Tensor;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al., "Attention Is All You Need",
 * 2017) over feature-major activations, with a causal {@link AttentionMask}.
 *
 * <p>Layout: the {@code N = B·T} columns are B sequences of T tokens, column {@code b·T + t}.
 * Per sequence and head the op copies the head's queries, keys and values into {@code (dh, T)}
 * buffers and runs the products as dense GEMMs through {@link Kernels}; the {@code (T, T)} attention
 * probabilities of every sequence and head are kept for backward (reused tape buffers, so a
 * steady training loop allocates nothing).
 */
public final class AttentionOps {
    private AttentionOps() {
    }

    /**
     * {@code y = concat_h(softmax_mask(Q_hᵀ K_h / sqrt(dh)) V_hᵀ)ᵀ} per sequence;
     * {@code qkv : (3d, N)} stacks queries, keys and values (rows {@code [0, d)}, {@code [d, 2d)},
     * {@code [2d, 3d)}; head h owns rows {@code [h·dh, (h+1)·dh)} of each), {@code y : (d, N)},
     * {@code dh = d / heads}, {@code N = B·seqLen}. The softmax subtracts each row's maximum over
     * the allowed keys before exponentiating; masked keys get probability 0.
     *
     * <p>Gradients with {@code P} the probabilities: {@code dP = dOᵀ V}, {@code dV = dO P},
     * {@code dS = P ⊙ (dP - rowsum(dP ⊙ P)) / sqrt(dh)}, {@code dQ = K dSᵀ}, {@code dK = Q dS}.
     */
    public static Var selfAttention(Tape tape, Var qkv, int heads, int seqLen, AttentionMask mask) {
        Checks.requireMatrix("selfAttention", "qkv", qkv);
        int rows = qkv.value().rows();
        int n = qkv.value().cols();
        if (heads < 1 || seqLen < 1 || rows % 3 != 0 || (rows / 3) % heads != 0 || n % seqLen != 0) {
            throw new IllegalArgumentException("selfAttention: qkv " + qkv.shape() + " must be (3d, B·T) with d divisible"
                    + " by heads " + heads + " and columns divisible by seqLen " + seqLen);
        }
        Geometry g = new Geometry(rows / 3, heads, seqLen, n);
        Kernels k = tape.kernels();
        Var y = tape.output("selfAttention", qkv.requiresGrad(), g.width, n);
        Tensor q = tape.scratch(g.headDim, seqLen);
        Tensor kt = tape.scratch(g.headDim, seqLen);
        Tensor v = tape.scratch(g.headDim, seqLen);
        Tensor o = tape.scratch(g.headDim, seqLen);
        Tensor[] probs = new Tensor[g.sequences * heads];
        float[] x = qkv.value().data();
        for (int b = 0; b < g.sequences; b++) {
            for (int h = 0; h < heads; h++) {
                Tensor p = tape.scratch(seqLen, seqLen);
                probs[b * heads + h] = p;
                g.gather(x, 0, h, b, q);
                g.gather(x, g.width, h, b, kt);
                g.gather(x, 2 * g.width, h, b, v);
                k.multTransA(q, kt, p);                 // S (T, T) = Qᵀ K
                softmaxRows(p.data(), seqLen, g.scale, mask);
                k.multTransB(v, p, o);                  // O (dh, T) = V Pᵀ
                g.scatter(o, y.value().data(), 0, h, b, false);
            }
        }
        tape.onBackward(y, () -> backward(tape, qkv, y, g, probs));
        return y;
    }

    private static void backward(Tape tape, Var qkv, Var y, Geometry g, Tensor[] probs) {
        Kernels k = tape.kernels();
        int t = g.seqLen;
        Tensor q = tape.scratch(g.headDim, t);
        Tensor kt = tape.scratch(g.headDim, t);
        Tensor v = tape.scratch(g.headDim, t);
        Tensor dO = tape.scratch(g.headDim, t);
        Tensor dP = tape.scratch(t, t);
        Tensor grad = tape.scratch(g.headDim, t);
        float[] x = qkv.value().data();
        float[] dy = y.grad().data();
        float[] dx = tape.grad(qkv).data();
        for (int b = 0; b < g.sequences; b++) {
            for (int h = 0; h < g.heads; h++) {
                Tensor p = probs[b * g.heads + h];
                g.gather(x, 0, h, b, q);
                g.gather(x, g.width, h, b, kt);
                g.gather(x, 2 * g.width, h, b, v);
                g.gather(dy, 0, h, b, dO);
                k.multTransA(dO, v, dP);                // dP (T, T) = dOᵀ V
                k.mult(dO, p, grad);                    // dV (dh, T) = dO P
                g.scatter(grad, dx, 2 * g.width, h, b, true);
                softmaxBackward(p.data(), dP.data(), t, g.scale);  // dP becomes dS
                k.multTransB(kt, dP, grad);             // dQ (dh, T) = K dSᵀ
                g.scatter(grad, dx, 0, h, b, true);
                k.mult(q, dP, grad);                    // dK (dh, T) = Q dS
                g.scatter(grad, dx, g.width, h, b, true);
            }
        }
    }

    // Row q of s (T, T) becomes softmax over the allowed keys of scale · s[q, :]; others 0.
    private static void softmaxRows(float[] s, int t, float scale, AttentionMask mask) {
        for (int qi = 0; qi < t; qi++) {
            int row = qi * t;
            float max = Float.NEGATIVE_INFINITY;
            for (int ki = 0; ki <= qi; ki++) {
                if (mask.allows(qi, ki)) {
                    max = Math.max(max, scale * s[row + ki]);
                }
            }
            double sum = 0;
            for (int ki = 0; ki < t; ki++) {
                float e = ki <= qi && mask.allows(qi, ki) ? (float) Math.exp(scale * s[row + ki] - max) : 0f;
                s[row + ki] = e;
                sum += e;
            }
            float inv = (float) (1 / sum);
            for (int ki = 0; ki <= qi; ki++) {
                s[row + ki] *= inv;
            }
        }
    }

    // dP (T, T) -> dS = scale · P ⊙ (dP - rowsum(dP ⊙ P)), in place
    private static void softmaxBackward(float[] p, float[] d, int t, float scale) {
        for (int qi = 0; qi < t; qi++) {
            int row = qi * t;
            double dot = 0;
            for (int ki = 0; ki <= qi; ki++) {
                dot += d[row + ki] * p[row + ki];
            }
            float c = (float) dot;
            for (int ki = 0; ki < t; ki++) {
                d[row + ki] = scale * p[row + ki] * (d[row + ki] - c);
            }
        }
    }

    /** Sizes of one call and the copies between the stacked activations and per-head buffers. */
    private static final class Geometry {
        final int width;
        final int heads;
        final int headDim;
        final int seqLen;
        final int sequences;
        final int columns;
        final float scale;

        Geometry(int width, int heads, int seqLen, int columns) {
            this.width = width;
            this.heads = heads;
            this.headDim = width / heads;
            this.seqLen = seqLen;
            this.sequences = columns / seqLen;
            this.columns = columns;
            this.scale = (float) (1 / Math.sqrt(headDim));
        }

        // dst (dh, T) = rows [base + h·dh, base + (h+1)·dh), columns [b·T, (b+1)·T) of src (·, N)
        void gather(float[] src, int base, int h, int b, Tensor dst) {
            float[] d = dst.data();
            for (int i = 0; i < headDim; i++) {
                System.arraycopy(src, (base + h * headDim + i) * columns + b * seqLen, d, i * seqLen, seqLen);
            }
        }

        // the same block of dst (·, N) = (or +=) src (dh, T)
        void scatter(Tensor src, float[] dst, int base, int h, int b, boolean accumulate) {
            float[] s = src.data();
            for (int i = 0; i < headDim; i++) {
                int off = (base + h * headDim + i) * columns + b * seqLen;
                if (accumulate) {
                    for (int j = 0; j < seqLen; j++) {
                        dst[off + j] += s[i * seqLen + j];
                    }
                } else {
                    System.arraycopy(s, i * seqLen, dst, off, seqLen);
                }
            }
        }
    }
}

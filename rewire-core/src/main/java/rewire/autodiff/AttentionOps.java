package rewire.autodiff;

import rewire.kernel.Kernels;
import rewire.tensor.Tensor;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al., "Attention Is All You Need",
 * 2017) over feature-major activations, under an {@link AttentionMask}: causal for a decoder, full
 * for an encoder.
 *
 * <p>Layout: the {@code N = B·T} columns are B sequences of T tokens, column {@code b·T + t}.
 * Two ways to compute it: {@link #maskedSelfAttention} copies each sequence and head's queries,
 * keys and values into {@code (dh, T)} buffers, runs the products as dense {@code (T, T)} GEMMs
 * through {@link Kernels} and zeroes the masked probabilities (kept for backward in reused tape
 * buffers, so a steady training loop allocates nothing); {@link SparseAttentionOps} scores only
 * the allowed pairs. {@link #selfAttention} takes the GEMMs for dense causal and full attention and
 * the sparse walk for every sparser pattern; {@link #scoredPairs} says how many pairs it computes.
 */
public final class AttentionOps {
    private AttentionOps() {
    }

    /**
     * Self-attention under {@code mask}: {@link #maskedSelfAttention} for {@link AttentionMask.Kind#CAUSAL}
     * and {@link AttentionMask.Kind#FULL}, {@link SparseAttentionOps#selfAttention} for the sparse
     * patterns. Shapes as there.
     */
    public static Var selfAttention(Tape tape, Var qkv, int heads, int seqLen, AttentionMask mask) {
        if (mask == null) {
            throw new IllegalArgumentException("selfAttention: the mask must not be null");
        }
        return byDenseProducts(mask) ? maskedSelfAttention(tape, qkv, heads, seqLen, mask)
                : SparseAttentionOps.selfAttention(tape, qkv, heads, seqLen, mask);
    }

    /**
     * The (query, key) pairs {@link #selfAttention} scores per sequence and head of {@code seqLen}
     * tokens: all {@code T²} of the dense products for causal and full attention, the allowed ones
     * otherwise. Each costs {@code dh} multiply-adds in each of the two forward products and four
     * backward ones.
     */
    public static long scoredPairs(AttentionMask mask, int seqLen) {
        return byDenseProducts(mask) ? (long) seqLen * seqLen : mask.allowedPairs(seqLen);
    }

    // the patterns that allow half the (T, T) products or more, which the GEMMs compute fastest
    private static boolean byDenseProducts(AttentionMask mask) {
        return mask.kind() == AttentionMask.Kind.CAUSAL || mask.kind() == AttentionMask.Kind.FULL;
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
    public static Var maskedSelfAttention(Tape tape, Var qkv, int heads, int seqLen, AttentionMask mask) {
        if (mask == null) {
            throw new IllegalArgumentException("maskedSelfAttention: the mask must not be null");
        }
        HeadGeometry g = HeadGeometry.of("maskedSelfAttention", qkv, heads, seqLen);
        int n = g.columns;
        Kernels k = tape.kernels();
        Var y = tape.output("maskedSelfAttention", qkv.requiresGrad(), g.width, n);
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
        tape.onBackward(y, () -> backward(tape, qkv, y, g, probs, mask.isCausal()));
        return y;
    }

    private static void backward(Tape tape, Var qkv, Var y, HeadGeometry g, Tensor[] probs, boolean causal) {
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
                softmaxBackward(p.data(), dP.data(), t, g.scale, causal);  // dP becomes dS
                k.multTransB(kt, dP, grad);             // dQ (dh, T) = K dSᵀ
                g.scatter(grad, dx, 0, h, b, true);
                k.mult(q, dP, grad);                    // dK (dh, T) = Q dS
                g.scatter(grad, dx, g.width, h, b, true);
            }
        }
    }

    // Row q of s (T, T) becomes softmax over the allowed keys of scale · s[q, :]; others 0. A causal
    // mask allows no key after q, so the loops stop at q.
    private static void softmaxRows(float[] s, int t, float scale, AttentionMask mask) {
        boolean causal = mask.isCausal();
        for (int qi = 0; qi < t; qi++) {
            int row = qi * t;
            int last = causal ? qi : t - 1;
            float max = Float.NEGATIVE_INFINITY;
            for (int ki = 0; ki <= last; ki++) {
                if (mask.allows(qi, ki)) {
                    max = Math.max(max, scale * s[row + ki]);
                }
            }
            double sum = 0;
            for (int ki = 0; ki < t; ki++) {
                float e = ki <= last && mask.allows(qi, ki) ? (float) Math.exp(scale * s[row + ki] - max) : 0f;
                s[row + ki] = e;
                sum += e;
            }
            float inv = (float) (1 / sum);
            for (int ki = 0; ki <= last; ki++) {
                s[row + ki] *= inv;
            }
        }
    }

    // dP (T, T) -> dS = scale · P ⊙ (dP - rowsum(dP ⊙ P)), in place; P is 0 after q when causal
    private static void softmaxBackward(float[] p, float[] d, int t, float scale, boolean causal) {
        for (int qi = 0; qi < t; qi++) {
            int row = qi * t;
            int last = causal ? qi : t - 1;
            double dot = 0;
            for (int ki = 0; ki <= last; ki++) {
                dot += d[row + ki] * p[row + ki];
            }
            float c = (float) dot;
            for (int ki = 0; ki < t; ki++) {
                d[row + ki] = scale * p[row + ki] * (d[row + ki] - c);
            }
        }
    }
}

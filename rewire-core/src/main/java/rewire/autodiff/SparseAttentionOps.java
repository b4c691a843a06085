package rewire.autodiff;

import java.util.Arrays;
import rewire.tensor.Tensor;

/**
 * Multi-head self-attention that scores only the (query, key) pairs an {@link AttentionMask}
 * allows, as the factorized patterns of Sparse Transformers are meant to be computed (Child,
 * Gray, Radford and Sutskever, "Generating Long Sequences with Sparse Transformers", 2019) and as
 * Mixed Sparsity Training's hybrid sparse attention uses them (Hu et al., TMLR 2025). Forward and
 * backward cost {@code O(P·dh)} per sequence and head for {@code P} allowed pairs, and keep only
 * the {@code P} probabilities: no {@code (T, T)} buffer is ever made.
 *
 * <p>Same layout and result as {@link AttentionOps#maskedSelfAttention} (up to float rounding):
 * per sequence and head the op copies queries, keys and values token-major {@code (T, dh)}, and
 * for each query walks its allowed keys ({@link AttentionMask#fillKeys}): scores, a softmax that
 * subtracts the row's maximum, and the probability-weighted sum of values.
 */
public final class SparseAttentionOps {
    private SparseAttentionOps() {
    }

    /**
     * {@code y = concat_h(softmax_mask(Q_hᵀ K_h / sqrt(dh)) V_hᵀ)ᵀ} per sequence over the allowed
     * pairs only; {@code qkv : (3d, N)} stacks queries, keys and values as in
     * {@link AttentionOps#maskedSelfAttention}, {@code y : (d, N)}, {@code N = B·seqLen}.
     *
     * <p>Gradients per allowed pair (q, k) with probability {@code p}: {@code dp = dO_q · V_k},
     * {@code dV_k += p dO_q}, {@code ds = p (dp - Σ_k' dp' p') / sqrt(dh)},
     * {@code dQ_q += ds K_k}, {@code dK_k += ds Q_q}.
     */
    public static Var selfAttention(Tape tape, Var qkv, int heads, int seqLen, AttentionMask mask) {
        if (mask == null) {
            throw new IllegalArgumentException("sparseSelfAttention: the mask must not be null");
        }
        HeadGeometry g = HeadGeometry.of("sparseSelfAttention", qkv, heads, seqLen);
        int pairs = Math.toIntExact(mask.allowedPairs(seqLen));
        int[] offsets = tape.scratchInts(seqLen + 1);
        int[] keys = tape.scratchInts(pairs);
        mask.fillKeys(seqLen, offsets, keys);
        Var y = tape.output("sparseSelfAttention", qkv.requiresGrad(), g.width, g.columns);
        Tensor probs = tape.scratch(g.sequences * heads, pairs);      // (B·H, P)
        Head head = new Head(tape, g, offsets, keys);
        float[] x = qkv.value().data();
        for (int b = 0; b < g.sequences; b++) {
            for (int h = 0; h < heads; h++) {
                head.load(x, h, b);
                head.forward(probs.data(), (b * heads + h) * pairs);
                g.scatterTokens(head.out, y.value().data(), 0, h, b, false);
            }
        }
        tape.onBackward(y, () -> backward(tape, qkv, y, g, offsets, keys, probs));
        return y;
    }

    private static void backward(Tape tape, Var qkv, Var y, HeadGeometry g, int[] offsets, int[] keys, Tensor probs) {
        Head head = new Head(tape, g, offsets, keys);
        float[] dOut = tape.scratch(g.seqLen, g.headDim).data();
        float[] dKeys = tape.scratch(g.seqLen, g.headDim).data();
        float[] dValues = tape.scratch(g.seqLen, g.headDim).data();
        float[] x = qkv.value().data();
        float[] dx = tape.grad(qkv).data();
        int pairs = probs.cols();
        for (int b = 0; b < g.sequences; b++) {
            for (int h = 0; h < g.heads; h++) {
                head.load(x, h, b);
                g.gatherTokens(y.grad().data(), 0, h, b, dOut);
                Arrays.fill(dKeys, 0f);
                Arrays.fill(dValues, 0f);
                head.backward(probs.data(), (b * g.heads + h) * pairs, dOut, dKeys, dValues);
                g.scatterTokens(head.out, dx, 0, h, b, true);        // head.out now holds dQ
                g.scatterTokens(dKeys, dx, g.width, h, b, true);
                g.scatterTokens(dValues, dx, 2 * g.width, h, b, true);
            }
        }
    }

    /** Token-major buffers of one sequence and head, and the per-query walks over allowed keys. */
    private static final class Head {
        final HeadGeometry g;
        final int[] offsets;
        final int[] keys;
        final float[] query;
        final float[] key;
        final float[] value;
        final float[] out;      // forward: the output rows; backward: dQ
        final float[] row;      // backward: dp of one query's pairs

        Head(Tape tape, HeadGeometry g, int[] offsets, int[] keys) {
            this.g = g;
            this.offsets = offsets;
            this.keys = keys;
            this.query = tape.scratch(g.seqLen, g.headDim).data();
            this.key = tape.scratch(g.seqLen, g.headDim).data();
            this.value = tape.scratch(g.seqLen, g.headDim).data();
            this.out = tape.scratch(g.seqLen, g.headDim).data();
            this.row = tape.scratch(1, g.seqLen).data();
        }

        void load(float[] x, int h, int b) {
            g.gatherTokens(x, 0, h, b, query);
            g.gatherTokens(x, g.width, h, b, key);
            g.gatherTokens(x, 2 * g.width, h, b, value);
        }

        // p[base + e] = probabilities of every allowed pair e; out (T, dh) = their mix of values
        void forward(float[] p, int base) {
            int dh = g.headDim;
            for (int t = 0; t < g.seqLen; t++) {
                int from = offsets[t];
                int to = offsets[t + 1];
                float max = Float.NEGATIVE_INFINITY;
                for (int e = from; e < to; e++) {
                    float s = g.scale * dot(query, t * dh, key, keys[e] * dh, dh);
                    p[base + e] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int e = from; e < to; e++) {
                    float z = (float) Math.exp(p[base + e] - max);
                    p[base + e] = z;
                    sum += z;
                }
                float inv = (float) (1 / sum);
                Arrays.fill(out, t * dh, (t + 1) * dh, 0f);
                for (int e = from; e < to; e++) {
                    p[base + e] *= inv;
                    axpy(p[base + e], value, keys[e] * dh, out, t * dh, dh);
                }
            }
        }

        // dQ into out, dK and dV added into dKeys, dValues (all (T, dh)), from dOut (T, dh)
        void backward(float[] p, int base, float[] dOut, float[] dKeys, float[] dValues) {
            int dh = g.headDim;
            for (int t = 0; t < g.seqLen; t++) {
                int from = offsets[t];
                int to = offsets[t + 1];
                double dotRow = 0;
                for (int e = from; e < to; e++) {
                    float dp = dot(dOut, t * dh, value, keys[e] * dh, dh);
                    row[e - from] = dp;
                    dotRow += dp * p[base + e];
                    axpy(p[base + e], dOut, t * dh, dValues, keys[e] * dh, dh);
                }
                float c = (float) dotRow;
                Arrays.fill(out, t * dh, (t + 1) * dh, 0f);
                for (int e = from; e < to; e++) {
                    float ds = g.scale * p[base + e] * (row[e - from] - c);
                    axpy(ds, key, keys[e] * dh, out, t * dh, dh);
                    axpy(ds, query, t * dh, dKeys, keys[e] * dh, dh);
                }
            }
        }
    }

    // a[ao .. ao+n) · b[bo .. bo+n), four partial sums
    private static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    // y[yo .. yo+n) += alpha · x[xo .. xo+n)
    private static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }
}

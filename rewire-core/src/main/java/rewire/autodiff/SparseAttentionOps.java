package rewire.autodiff;

import rewire.kernel.Kernels;
import rewire.sparse.CsrMatrix;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * Multi-head self-attention that scores only the (query, key) pairs an {@link AttentionMask}
 * allows, as the factorized patterns of Sparse Transformers are meant to be computed (Child,
 * Gray, Radford and Sutskever, "Generating Long Sequences with Sparse Transformers", 2019) and as
 * Mixed Sparsity Training's hybrid sparse attention uses them (Hu et al., TMLR 2025). Forward and
 * backward cost {@code O(P·dh)} per sequence and head for the {@code P} allowed pairs and keep
 * only their {@code P} probabilities: no {@code (T, T)} buffer is ever made.
 *
 * <p>The allowed pairs form a {@code (T, T)} {@link SparsityPattern} (query rows, key columns;
 * {@link AttentionMask#pattern}), so attention is the sparse products of dynamic sparse training
 * on token-major {@code (T, dh)} copies of one sequence and head: scores are a sampled product
 * {@code (Q Kᵀ)|pattern}, mixing a sparse-times-dense product {@code P V}, both through
 * {@link Kernels}. Same layout and result as {@link AttentionOps#maskedSelfAttention} up to
 * float rounding.
 */
public final class SparseAttentionOps {
    /** The pattern of the last (mask, length) asked for, reused with its cached transpose. */
    private static volatile LastPattern last;

    private record LastPattern(AttentionMask mask, int length, SparsityPattern pattern) {
    }

    private SparseAttentionOps() {
    }

    // every layer of a model asks for the same pattern on every call: building it and its transpose
    // anew cost 4% of a call at 1024 tokens
    private static SparsityPattern pattern(AttentionMask mask, int length) {
        LastPattern l = last;
        if (l == null || l.length() != length || !l.mask().equals(mask)) {
            l = new LastPattern(mask, length, mask.pattern(length));
            last = l;
        }
        return l.pattern();
    }

    /**
     * {@code y = concat_h(softmax_mask(Q_hᵀ K_h / sqrt(dh)) V_hᵀ)ᵀ} per sequence over the allowed
     * pairs only; {@code qkv : (3d, N)} stacks queries, keys and values as in
     * {@link AttentionOps#maskedSelfAttention}, {@code y : (d, N)}, {@code N = B·seqLen}. The
     * softmax subtracts each query's maximum over its allowed keys.
     *
     * <p>Gradients with {@code P} the probabilities on the pattern: {@code dP = (dO Vᵀ)|pattern},
     * {@code dV = Pᵀ dO}, {@code dS = P ⊙ (dP - rowsum(dP ⊙ P)) / sqrt(dh)}, {@code dQ = dS K},
     * {@code dK = dSᵀ Q} (token-major).
     */
    public static Var selfAttention(Tape tape, Var qkv, int heads, int seqLen, AttentionMask mask) {
        if (mask == null) {
            throw new IllegalArgumentException("sparseSelfAttention: the mask must not be null");
        }
        HeadGeometry g = HeadGeometry.of("sparseSelfAttention", qkv, heads, seqLen);
        SparsityPattern pattern = pattern(mask, seqLen);
        Kernels k = tape.kernels();
        Var y = tape.output("sparseSelfAttention", qkv.requiresGrad(), g.width, g.columns);
        Tensor[] head = tokenBuffers(tape, g, 4);       // Q, K, V, O, each (T, dh)
        CsrMatrix[] probs = new CsrMatrix[g.sequences * heads];
        float[] x = qkv.value().data();
        for (int b = 0; b < g.sequences; b++) {
            for (int h = 0; h < heads; h++) {
                CsrMatrix p = new CsrMatrix(pattern, tape.scratch(1, pattern.nnz()).data());
                probs[b * heads + h] = p;
                for (int part = 0; part < 3; part++) {
                    g.gatherTokens(x, part * g.width, h, b, head[part]);
                }
                k.sampledMultTransB(head[0], head[1], pattern, p.values());   // S = (Q Kᵀ)|pattern
                softmaxRows(pattern, p.values(), g.scale);
                k.mult(p, head[2], head[3]);                                   // O = P V
                g.scatterTokens(head[3], y.value().data(), 0, h, b, false);
            }
        }
        tape.onBackward(y, () -> backward(tape, qkv, y, g, probs));
        return y;
    }

    private static void backward(Tape tape, Var qkv, Var y, HeadGeometry g, CsrMatrix[] probs) {
        Kernels k = tape.kernels();
        SparsityPattern pattern = probs[0].pattern();
        Tensor[] head = tokenBuffers(tape, g, 5);       // Q, K, V, dO, and each input gradient in turn
        CsrMatrix dS = new CsrMatrix(pattern, tape.scratch(1, pattern.nnz()).data());
        float[] x = qkv.value().data();
        float[] dx = tape.grad(qkv).data();
        for (int b = 0; b < g.sequences; b++) {
            for (int h = 0; h < g.heads; h++) {
                CsrMatrix p = probs[b * g.heads + h];
                for (int part = 0; part < 3; part++) {
                    g.gatherTokens(x, part * g.width, h, b, head[part]);
                }
                g.gatherTokens(y.grad().data(), 0, h, b, head[3]);
                k.sampledMultTransB(head[3], head[2], pattern, dS.values());   // dP = (dO Vᵀ)|pattern
                k.multTransA(p, head[3], head[4]);                              // dV = Pᵀ dO
                g.scatterTokens(head[4], dx, 2 * g.width, h, b, true);
                softmaxBackward(pattern, p.values(), dS.values(), g.scale);    // dP becomes dS
                k.mult(dS, head[1], head[4]);                                   // dQ = dS K
                g.scatterTokens(head[4], dx, 0, h, b, true);
                k.multTransA(dS, head[0], head[4]);                             // dK = dSᵀ Q
                g.scatterTokens(head[4], dx, g.width, h, b, true);
            }
        }
    }

    private static Tensor[] tokenBuffers(Tape tape, HeadGeometry g, int count) {
        Tensor[] buffers = new Tensor[count];
        for (int i = 0; i < count; i++) {
            buffers[i] = tape.scratch(g.seqLen, g.headDim);
        }
        return buffers;
    }

    // each query's scores s on the pattern become softmax(scale · s) over its allowed keys
    private static void softmaxRows(SparsityPattern pattern, float[] s, float scale) {
        int[] ptr = pattern.rowPtr();
        for (int q = 0; q < pattern.rows(); q++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int e = ptr[q]; e < ptr[q + 1]; e++) {
                max = Math.max(max, scale * s[e]);
            }
            double sum = 0;
            for (int e = ptr[q]; e < ptr[q + 1]; e++) {
                float z = (float) Math.exp(scale * s[e] - max);
                s[e] = z;
                sum += z;
            }
            float inv = (float) (1 / sum);
            for (int e = ptr[q]; e < ptr[q + 1]; e++) {
                s[e] *= inv;
            }
        }
    }

    // dP on the pattern -> dS = scale · P ⊙ (dP - rowsum(dP ⊙ P)), in place
    private static void softmaxBackward(SparsityPattern pattern, float[] p, float[] d, float scale) {
        int[] ptr = pattern.rowPtr();
        for (int q = 0; q < pattern.rows(); q++) {
            double dot = 0;
            for (int e = ptr[q]; e < ptr[q + 1]; e++) {
                dot += d[e] * p[e];
            }
            float c = (float) dot;
            for (int e = ptr[q]; e < ptr[q + 1]; e++) {
                d[e] = scale * p[e] * (d[e] - c);
            }
        }
    }
}

package rewire.autodiff;

import rewire.tensor.Tensor;

/**
 * Sizes of one self-attention call over stacked queries, keys and values {@code qkv (3d, N)} with
 * {@code N = B·T} token columns, and the copies between that layout and per-sequence, per-head
 * buffers: feature-major {@code (dh, T)} for the dense products, token-major {@code (T, dh)} for
 * the sparse ones (a token's head vector contiguous).
 */
final class HeadGeometry {
    final int width;
    final int heads;
    final int headDim;
    final int seqLen;
    final int sequences;
    final int columns;
    final float scale;

    private HeadGeometry(int width, int heads, int seqLen, int columns) {
        this.width = width;
        this.heads = heads;
        this.headDim = width / heads;
        this.seqLen = seqLen;
        this.sequences = columns / seqLen;
        this.columns = columns;
        this.scale = (float) (1 / Math.sqrt(headDim));
    }

    /** The geometry of {@code qkv}, or an error naming {@code op} when the sizes do not fit together. */
    static HeadGeometry of(String op, Var qkv, int heads, int seqLen) {
        Checks.requireMatrix(op, "qkv", qkv);
        int rows = qkv.value().rows();
        int n = qkv.value().cols();
        if (heads < 1 || seqLen < 1 || rows % 3 != 0 || (rows / 3) % heads != 0 || n % seqLen != 0) {
            throw new IllegalArgumentException(op + ": qkv " + qkv.shape() + " must be (3d, B·T) with d divisible"
                    + " by heads " + heads + " and columns divisible by seqLen " + seqLen);
        }
        return new HeadGeometry(rows / 3, heads, seqLen, n);
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

    // dst (T, dh), token-major, = the block gather reads, transposed
    void gatherTokens(float[] src, int base, int h, int b, Tensor dst) {
        float[] d = dst.data();
        for (int i = 0; i < headDim; i++) {
            int off = (base + h * headDim + i) * columns + b * seqLen;
            for (int t = 0; t < seqLen; t++) {
                d[t * headDim + i] = src[off + t];
            }
        }
    }

    // the block scatter writes, from token-major src (T, dh): = or +=
    void scatterTokens(Tensor src, float[] dst, int base, int h, int b, boolean accumulate) {
        float[] s = src.data();
        for (int i = 0; i < headDim; i++) {
            int off = (base + h * headDim + i) * columns + b * seqLen;
            for (int t = 0; t < seqLen; t++) {
                dst[off + t] = (accumulate ? dst[off + t] : 0f) + s[t * headDim + i];
            }
        }
    }
}

package rewire.bench;

import rewire.kernel.Kernels;
import rewire.kernel.StructuredProducts;
import rewire.sparse.BlockMatrix;
import rewire.sparse.BlockPattern;
import rewire.sparse.CsrMatrix;
import rewire.sparse.DiagonalMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.FanInMatrix;
import rewire.sparse.FanInPattern;
import rewire.sparse.NmMatrix;
import rewire.sparse.NmPattern;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The three products of a linear layer's training step, on a CSR, a diagonal, a constant fan-in,
 * an N:M, a block or a dense weight.
 * Each returns its output so the benchmark can hand it to JMH.
 */
sealed interface LayerProducts {

    /** {@code y (out, B) = W · x}. */
    Object forward();

    /** {@code dx (in, B) = Wᵀ · dy}. */
    Object inputGrad();

    /** {@code dW = dy · xᵀ}, dense {@code (out, in)} or only at the pattern's entries ({@code (nnz,)}, {@code (K, D)}, {@code (out, k)}, {@code (blocks, br, bc)}). */
    Object weightGrad();

    /** A CSR weight with {@code round(density * out * in)} uniformly random entries. */
    static LayerProducts sparse(Kernels kernels, LayerOperands l, double density) {
        Rng rng = new Rng(LayerOperands.SEED + 1);
        int nnz = (int) Math.round(density * l.out() * (double) l.in());
        CsrMatrix w = new CsrMatrix(Patterns.random(l.out(), l.in(), nnz, rng), LayerOperands.gaussian(rng, 1, nnz).data());
        w.pattern().transposed(); // cached on the pattern: built once per topology, not per step
        return new Sparse(kernels, l, w, new float[nnz]);
    }

    /**
     * A weight of {@code diagonals} uniformly chosen wrap-around diagonals, {@code diagonals * min(out, in)}
     * entries, products by the diagonal kernels.
     */
    static LayerProducts diagonal(Kernels kernels, LayerOperands l, int diagonals) {
        Rng rng = new Rng(LayerOperands.SEED + 1);
        DiagonalPattern p = DiagonalPattern.random(l.out(), l.in(), diagonals, rng);
        DiagonalMatrix w = new DiagonalMatrix(p, LayerOperands.gaussian(rng, 1, p.nnz()).data());
        return new Structured<>(kernels.diagonal(), l, w, p, new float[p.nnz()]);
    }

    /** A weight of {@code k} uniformly chosen inputs per row, {@code out * k} entries, products by the fan-in kernels. */
    static LayerProducts fanIn(Kernels kernels, LayerOperands l, int k) {
        Rng rng = new Rng(LayerOperands.SEED + 1);
        FanInPattern p = FanInPattern.random(l.out(), l.in(), k, rng);
        FanInMatrix w = new FanInMatrix(p, LayerOperands.gaussian(rng, 1, p.nnz()).data());
        p.toCsr().transposed(); // cached on the pattern: built once per topology, not per step
        return new Structured<>(kernels.fanIn(), l, w, p, new float[p.nnz()]);
    }

    /** An N:M weight, {@code n} uniformly chosen inputs in every group of {@code m}, products by {@link Kernels#nm()}. */
    static LayerProducts nm(Kernels kernels, LayerOperands l, int n, int m) {
        Rng rng = new Rng(LayerOperands.SEED + 1);
        NmPattern p = NmPattern.random(l.out(), l.in(), n, m, rng);
        NmMatrix w = new NmMatrix(p, LayerOperands.gaussian(rng, 1, p.nnz()).data());
        p.toCsr().transposed(); // cached on the pattern: built once per topology, not per step
        return new Structured<>(kernels.nm(), l, w, p, new float[p.nnz()]);
    }

    /**
     * A weight of {@code blocks} uniformly chosen {@code br x bc} blocks, {@code blocks * br * bc}
     * entries, products by the block kernels. A layer whose shape is not a whole number of blocks
     * runs padded with zero features up to one ({@link LayerOperands#padded}): 1000 inputs in
     * 1 x 16 blocks become 1008, so its activations are up to {@code bc - 1} rows longer than the
     * other formats' and its blocks are drawn over the padded grid.
     */
    static LayerProducts block(Kernels kernels, LayerOperands l, int br, int bc, int blocks) {
        Rng rng = new Rng(LayerOperands.SEED + 1);
        LayerOperands padded = l.padded(br, bc);
        BlockPattern p = BlockPattern.random(padded.out(), padded.in(), br, bc, blocks, rng);
        BlockMatrix w = new BlockMatrix(p, LayerOperands.gaussian(rng, 1, p.nnz()).data());
        p.grid().transposed(); // cached on the grid: built once per topology, not per step
        return new Structured<>(kernels.block(), padded, w, p, new float[p.nnz()]);
    }

    /** The dense twin: a full {@code (out, in)} matrix, products by GEMM (OpenBLAS when present). */
    static LayerProducts dense(Kernels kernels, LayerOperands l) {
        Tensor w = LayerOperands.gaussian(new Rng(LayerOperands.SEED + 1), l.out(), l.in());
        return new Dense(kernels, l, w, Tensor.zeros(l.out(), l.in()));
    }

    record Sparse(Kernels kernels, LayerOperands l, CsrMatrix w, float[] dw) implements LayerProducts {
        @Override
        public Object forward() {
            kernels.mult(w, l.x(), l.y());
            return l.y();
        }

        @Override
        public Object inputGrad() {
            kernels.multTransA(w, l.dy(), l.dx());
            return l.dx();
        }

        @Override
        public Object weightGrad() {
            kernels.sampledMultTransB(l.dy(), l.x(), w.pattern(), dw);
            return dw;
        }
    }

    /** A weight in a structured format: its products through the format's part of the facade. */
    record Structured<M, P>(StructuredProducts<M, P> kernels, LayerOperands l, M w, P pattern, float[] dv)
            implements LayerProducts {
        @Override
        public Object forward() {
            kernels.mult(w, l.x(), l.y(), false);
            return l.y();
        }

        @Override
        public Object inputGrad() {
            kernels.multTransA(w, l.dy(), l.dx(), false);
            return l.dx();
        }

        @Override
        public Object weightGrad() {
            kernels.sampledMultTransB(l.dy(), l.x(), pattern, dv, false);
            return dv;
        }
    }

    record Dense(Kernels kernels, LayerOperands l, Tensor w, Tensor dw) implements LayerProducts {
        @Override
        public Object forward() {
            kernels.mult(w, l.x(), l.y());
            return l.y();
        }

        @Override
        public Object inputGrad() {
            kernels.multTransA(w, l.dy(), l.dx());
            return l.dx();
        }

        @Override
        public Object weightGrad() {
            kernels.multTransB(l.dy(), l.x(), dw);
            return dw;
        }
    }
}

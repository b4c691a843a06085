package rewire.bench;

import rewire.kernel.BlockProducts;
import rewire.kernel.DiagonalProducts;
import rewire.kernel.Kernels;
import rewire.sparse.BlockMatrix;
import rewire.sparse.BlockPattern;
import rewire.sparse.CsrMatrix;
import rewire.sparse.DiagonalMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The three products of a linear layer's training step, on a CSR, a diagonal, a block or a dense
 * weight.
 * Each returns its output so the benchmark can hand it to JMH.
 */
sealed interface LayerProducts {

    /** {@code y (out, B) = W · x}. */
    Object forward();

    /** {@code dx (in, B) = Wᵀ · dy}. */
    Object inputGrad();

    /**
     * {@code dW = dy · xᵀ}, dense {@code (out, in)} or only at the pattern's entries ({@code (nnz,)},
     * {@code (K, D)}, {@code (blocks, br, bc)}).
     */
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
        return new Diagonal(kernels.diagonal(), l, w, new float[p.nnz()]);
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
        return new Block(kernels.block(), padded, w, new float[p.nnz()]);
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

    record Diagonal(DiagonalProducts kernels, LayerOperands l, DiagonalMatrix w, float[] dv) implements LayerProducts {
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
            kernels.sampledMultTransB(l.dy(), l.x(), w.pattern(), dv);
            return dv;
        }
    }

    record Block(BlockProducts kernels, LayerOperands l, BlockMatrix w, float[] dv) implements LayerProducts {
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
            kernels.sampledMultTransB(l.dy(), l.x(), w.pattern(), dv);
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

package rewire.prune;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import rewire.kernel.TopK;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;

/**
 * SparseGPT (Frantar and Alistarh, "SparseGPT: Massive Language Models Can Be Accurately Pruned
 * in One-Shot", ICML 2023, Algorithm 1): row-wise optimal brain surgeon with a shared inverse
 * Hessian. With {@code H = 2·X·Xᵀ/T + λI} over the calibration inputs {@code X (in, T)}
 * ({@code λ} = {@code dampening} times the mean of H's diagonal), the columns of {@code W (rows,
 * in)} are processed left to right; pruning column j's entry {@code w} of a row sets it to 0 and
 * moves the error {@code w / [H_F⁻¹]_jj · [H_F⁻¹]_{j,k}} onto the row's later columns k, where
 * {@code H_F} is H restricted to the columns not yet processed. Row j of the upper Cholesky factor
 * U of {@code H⁻¹} holds {@code [H_F⁻¹]_{j,·} / sqrt([H_F⁻¹]_jj)}, so one factorisation serves
 * every step (the paper's Sec. 3.3).
 *
 * <p>Lazy batch updates: inside a block of {@code blockSize} columns the updates go to the block
 * only; the block's errors reach the later columns in one matrix product when it ends. The mask of
 * a block is chosen when it starts, from the saliency {@code w² / U_jj²} (the OBS error of pruning
 * w), removing {@code floor(s · rows · width)} entries of the block across all rows (adaptive mask
 * selection); N:M chooses every group of M columns when the sweep reaches it, from the weights
 * updated so far. Input columns no calibration token touched ({@code H_jj = 0}) are pruned first.
 * The factorisations and solves are EJML's, in float64.
 */
public final class SparseGpt implements PruneMethod {
    /** The paper's block width. */
    public static final int BLOCK_SIZE = 128;
    /** The paper's dampening: 1% of the mean diagonal of H. */
    public static final double DAMPENING = 0.01;

    private final int blockSize;
    private final double dampening;

    /** SparseGPT with {@code blockSize} columns per lazy batch and {@code dampening} of the mean diagonal. */
    public SparseGpt(int blockSize, double dampening) {
        if (blockSize < 1 || !(dampening >= 0)) {
            throw new IllegalArgumentException("SparseGPT needs blockSize >= 1 and dampening >= 0, got " + blockSize
                    + ", " + dampening);
        }
        this.blockSize = blockSize;
        this.dampening = dampening;
    }

    /** The paper's settings: blocks of 128 columns, 1% dampening. */
    public static SparseGpt defaults() {
        return new SparseGpt(BLOCK_SIZE, DAMPENING);
    }

    @Override
    public String key() {
        return "sparsegpt";
    }

    @Override
    public String paper() {
        return "Frantar and Alistarh, ICML 2023 (SparseGPT)";
    }

    @Override
    public Set<Statistic> needs() {
        return EnumSet.of(Statistic.HESSIAN);
    }

    @Override
    public CsrMatrix prune(WeightMatrix w, LayerStatistics stats, SparsityTarget target) {
        target.requireFits(w.name(), w.cols());
        if (stats.tokens() == 0) {
            throw new IllegalArgumentException(w.name() + ": no calibration token reached the layer, so SparseGPT has no "
                    + "Hessian; calibrate with more sequences");
        }
        int rows = w.rows();
        int cols = w.cols();
        double[] weights = new double[rows * cols];                  // W (rows, cols), updated in place
        for (int i = 0; i < weights.length; i++) {
            weights[i] = w.values()[i];
        }
        boolean[] pruned = new boolean[rows * cols];
        DMatrixRMaj u = InverseHessian.upperCholesky(hessian(stats, weights, pruned, w), dampening, w.name());
        int block = target.semiStructured() ? Math.max(target.m(), blockSize - blockSize % target.m()) : blockSize;
        for (int i1 = 0; i1 < cols; i1 += block) {
            int i2 = Math.min(i1 + block, cols);
            if (!target.semiStructured()) {
                chooseBlock(w, weights, u, pruned, i1, i2, target.sparsity());
            }
            double[] errors = sweep(w, weights, u, pruned, i1, i2, target);
            propagate(weights, errors, u, rows, cols, i1, i2);
        }
        return result(w, weights, pruned);
    }

    // H (cols, cols) = 2·ΣxxT/T; a column no token touched has H_jj = 0: it is pruned and its H_jj set to 1
    private static DMatrixRMaj hessian(LayerStatistics stats, double[] weights, boolean[] pruned, WeightMatrix w) {
        DMatrixRMaj h = stats.gram();
        CommonOps_DDRM.scale(2.0 / stats.tokens(), h);
        for (int j = 0; j < w.cols(); j++) {
            if (h.get(j, j) == 0) {
                h.set(j, j, 1);
                for (int r = 0; r < w.rows(); r++) {
                    weights[r * w.cols() + j] = 0;
                    pruned[r * w.cols() + j] = true;
                }
            }
        }
        for (int r = 0; r < w.rows(); r++) {
            for (int c = 0; c < w.cols(); c++) {
                pruned[r * w.cols() + c] |= !w.exists(r, c);
            }
        }
        return h;
    }

    // adaptive mask selection of columns [i1, i2): keep the best w²/U_jj² of the block across all rows
    private static void chooseBlock(WeightMatrix w, double[] weights, DMatrixRMaj u, boolean[] pruned, int i1, int i2,
                                    double sparsity) {
        int cols = w.cols();
        long width = i2 - i1;
        long keep = w.rows() * width - (long) Math.floor(sparsity * w.rows() * width);
        TopK top = new TopK(Math.toIntExact(keep));
        for (int r = 0; r < w.rows(); r++) {
            for (int c = i1; c < i2; c++) {
                if (!pruned[r * cols + c]) {
                    top.offer(saliency(weights[r * cols + c], u.get(c, c)), (long) r * cols + c);
                }
            }
        }
        boolean[] kept = new boolean[pruned.length];
        for (long p : top.result().positions()) {
            kept[(int) p] = true;
        }
        for (int r = 0; r < w.rows(); r++) {
            for (int c = i1; c < i2; c++) {
                pruned[r * cols + c] = !kept[r * cols + c];
            }
        }
    }

    // N:M at group start c: each row keeps the n best w²/U_jj² of columns [c, c + m) as updated so far
    private static void chooseGroup(WeightMatrix w, double[] weights, DMatrixRMaj u, boolean[] pruned, int c,
                                    SparsityTarget target) {
        int cols = w.cols();
        for (int r = 0; r < w.rows(); r++) {
            TopK top = new TopK(target.n());
            for (int j = c; j < c + target.m(); j++) {
                if (!pruned[r * cols + j]) {
                    top.offer(saliency(weights[r * cols + j], u.get(j, j)), (long) j);
                }
            }
            boolean[] kept = new boolean[target.m()];
            for (long p : top.result().positions()) {
                kept[(int) p - c] = true;
            }
            for (int j = c; j < c + target.m(); j++) {
                pruned[r * cols + j] = !kept[j - c];
            }
        }
    }

    private static float saliency(double weight, double uDiagonal) {
        return (float) (weight * weight / (uDiagonal * uDiagonal));
    }

    // columns [i1, i2) left to right: prune, put the error on the block's later columns; returns the
    // errors (rows, i2 - i1) that the later blocks still owe
    private double[] sweep(WeightMatrix w, double[] weights, DMatrixRMaj u, boolean[] pruned, int i1, int i2,
                           SparsityTarget target) {
        int rows = w.rows();
        int cols = w.cols();
        int width = i2 - i1;
        double[] errors = new double[rows * width];
        for (int j = i1; j < i2; j++) {
            if (target.semiStructured() && (j - i1) % target.m() == 0) {
                chooseGroup(w, weights, u, pruned, j, target);
            }
            double d = u.get(j, j);
            for (int r = 0; r < rows; r++) {
                double value = weights[r * cols + j];
                double err = pruned[r * cols + j] ? value / d : 0;
                errors[r * width + j - i1] = err;
                if (err != 0) {
                    for (int k = j; k < i2; k++) {
                        weights[r * cols + k] -= err * u.get(j, k);     // W[r, j..i2) -= err · U[j, j..i2)
                    }
                }
            }
        }
        return errors;
    }

    // W[:, i2:] (rows, cols - i2) -= E (rows, width) · U[i1:i2, i2:] (width, cols - i2)
    private static void propagate(double[] weights, double[] errors, DMatrixRMaj u, int rows, int cols, int i1, int i2) {
        if (i2 == cols) {
            return;
        }
        int width = i2 - i1;
        DMatrixRMaj e = DMatrixRMaj.wrap(rows, width, errors);
        DMatrixRMaj uBlock = CommonOps_DDRM.extract(u, i1, i2, i2, cols);
        DMatrixRMaj update = new DMatrixRMaj(rows, cols - i2);
        CommonOps_DDRM.mult(e, uBlock, update);
        for (int r = 0; r < rows; r++) {
            for (int k = i2; k < cols; k++) {
                weights[r * cols + k] -= update.get(r, k - i2);
            }
        }
    }

    private static CsrMatrix result(WeightMatrix w, double[] weights, boolean[] pruned) {
        long[] kept = new long[pruned.length];
        int n = 0;
        for (int i = 0; i < pruned.length; i++) {
            if (!pruned[i]) {
                kept[n++] = i;
            }
        }
        CsrMatrix out = CsrMatrix.zeros(Patterns.fromSortedPositions(w.rows(), w.cols(), Arrays.copyOf(kept, n)));
        for (int e = 0; e < n; e++) {
            out.values()[e] = (float) weights[(int) kept[e]];
        }
        return out;
    }

    @Override
    public String toString() {
        return "SparseGpt(blockSize " + blockSize + ", dampening " + dampening + ")";
    }
}

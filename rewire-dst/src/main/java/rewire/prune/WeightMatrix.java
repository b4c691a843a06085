package rewire.prune;

import java.util.Arrays;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;

/**
 * A weight matrix {@code W (rows, cols)} (PyTorch orientation: rows are outputs) as one-shot
 * pruning reads it: row-major values, and which entries exist. A dense parameter has every entry;
 * a sparse one (a model trained sparse, pruned further) only those of its pattern, the others read
 * as 0 and may never be kept. {@link #prune} writes a result back into the parameter.
 *
 * @param name    the parameter's name
 * @param rows    outputs
 * @param cols    inputs
 * @param values  {@code (rows · cols)} row-major, 0 where no entry exists
 * @param present which entries exist, row-major; null when all do
 */
public record WeightMatrix(String name, int rows, int cols, float[] values, boolean[] present) {

    public WeightMatrix {
        if (values.length != rows * cols || present != null && present.length != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + rows + " x " + cols);
        }
    }

    /** A copy of {@code weight}'s values as a dense matrix. */
    public static WeightMatrix of(Param weight) {
        return switch (weight) {
            case DenseParam d -> {
                if (d.value().rank() != 2) {
                    throw new IllegalArgumentException(d.name() + ": a prunable weight is a matrix (out, in), got "
                            + d.value().shape());
                }
                yield new WeightMatrix(d.name(), d.value().rows(), d.value().cols(), d.values().clone(), null);
            }
            case SparseParam s -> {
                SparsityPattern p = s.pattern();
                float[] dense = new float[p.rows() * p.cols()];
                boolean[] present = new boolean[dense.length];
                for (int r = 0; r < p.rows(); r++) {
                    for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                        int at = r * p.cols() + p.colIdx()[e];
                        dense[at] = s.values()[e];
                        present[at] = true;
                    }
                }
                yield new WeightMatrix(s.name(), p.rows(), p.cols(), dense, present);
            }
        };
    }

    /** The inputs (columns) of {@code weight (out, in)}. */
    public static int columnsOf(Param weight) {
        return switch (weight) {
            case DenseParam d -> d.value().cols();
            case SparseParam s -> s.cols();
        };
    }

    /** Whether entry {@code (r, c)} exists. */
    public boolean exists(int r, int c) {
        return present == null || present[r * cols + c];
    }

    /** Entries that exist in row {@code r}. */
    public int existing(int r) {
        if (present == null) {
            return cols;
        }
        int n = 0;
        for (int c = 0; c < cols; c++) {
            n += present[r * cols + c] ? 1 : 0;
        }
        return n;
    }

    /** Entries that exist. */
    public long nnz() {
        long n = 0;
        for (int r = 0; r < rows; r++) {
            n += existing(r);
        }
        return n;
    }

    /** The entries of {@code pattern} with these values, as CSR. */
    public CsrMatrix gather(SparsityPattern pattern) {
        float[] kept = new float[pattern.nnz()];
        for (int r = 0; r < rows; r++) {
            for (int e = pattern.rowStart(r); e < pattern.rowEnd(r); e++) {
                kept[e] = values[r * cols + pattern.colIdx()[e]];
            }
        }
        return new CsrMatrix(pattern, kept);
    }

    /**
     * Puts {@code pruned} into {@code weight}: a dense parameter keeps the values of the pruned
     * matrix's entries and 0 elsewhere (so the model computes as the pruned one); a sparse one moves
     * to the pruned pattern (its gradient along) and takes the values.
     */
    public static void prune(Param weight, CsrMatrix pruned) {
        switch (weight) {
            case DenseParam d -> {
                SparsityPattern p = pruned.pattern();
                if (d.value().rank() != 2 || d.value().rows() != p.rows() || d.value().cols() != p.cols()) {
                    throw new IllegalArgumentException(d.name() + " is " + d.value().shape() + ", the pruned matrix "
                            + p.rows() + " x " + p.cols());
                }
                float[] v = d.values();
                Arrays.fill(v, 0f);
                for (int r = 0; r < p.rows(); r++) {
                    for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                        v[r * p.cols() + p.colIdx()[e]] = pruned.values()[e];
                    }
                }
            }
            case SparseParam s -> {
                s.remap(Remap.between(s.pattern(), pruned.pattern()), null);
                System.arraycopy(pruned.values(), 0, s.values(), 0, pruned.nnz());
            }
        }
    }
}

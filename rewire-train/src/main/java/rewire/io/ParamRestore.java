package rewire.io;

import java.util.Arrays;
import rewire.nn.DenseParam;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;

/** Puts saved values (and a saved pattern) back into live parameters, shared by checkpoints and safetensors. */
final class ParamRestore {
    private ParamRestore() {
    }

    /** Copies {@code values} into {@code param}, whose shape must be {@code dims}. */
    static void dense(DenseParam param, int[] dims, float[] values, String source) {
        if (!Arrays.equals(dims, param.value().shape().dims()) || values.length != param.size()) {
            throw new IllegalArgumentException(source + ": parameter " + param.name() + " has shape "
                    + param.value().shape() + " in the model but " + Arrays.toString(dims) + " with "
                    + values.length + " values in the file");
        }
        System.arraycopy(values, 0, param.values(), 0, values.length);
    }

    /**
     * Moves {@code param} (and its optimizer slots) to the saved pattern through a {@link Remap},
     * then copies the saved values in.
     */
    static void sparse(SparseParam param, int rows, int cols, int[] rowPtr, int[] colIdx, float[] values,
            Slots slots, String source) {
        if (rows != param.rows() || cols != param.cols()) {
            throw new IllegalArgumentException(source + ": parameter " + param.name() + " is " + param.rows() + " x "
                    + param.cols() + " in the model but " + rows + " x " + cols + " in the file");
        }
        SparsityPattern saved;
        try {
            saved = SparsityPattern.of(rows, cols, rowPtr, colIdx);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": parameter " + param.name() + ": " + e.getMessage(), e);
        }
        if (values.length != saved.nnz()) {
            throw new IllegalArgumentException(source + ": parameter " + param.name() + " has " + values.length
                    + " values for a pattern of " + saved.nnz() + " entries");
        }
        if (!saved.equals(param.pattern())) {
            Remap remap = Remap.between(param.pattern(), saved);
            param.remap(remap, null);
            slots.remap(param, remap);
        }
        System.arraycopy(values, 0, param.values(), 0, values.length);
    }
}

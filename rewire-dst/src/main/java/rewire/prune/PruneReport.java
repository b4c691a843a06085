package rewire.prune;

import java.util.List;

/**
 * What one-shot pruning did, layer by layer, and what it cost.
 *
 * @param method             the method's key, with "+dsnot" when DSnoT refined its masks
 * @param target             the sparsity target
 * @param calibration        calibration sequences per pass (0 when the method needs none)
 * @param recomputeAfterPrune whether each stage calibrated on the outputs of the stages pruned
 *                           before it (true) or every stage on the dense model's (false)
 * @param layers             the pruned layers in model order
 * @param calibrationSeconds time in calibration forward passes
 * @param pruneSeconds       time choosing masks and values
 */
public record PruneReport(String method, SparsityTarget target, int calibration, boolean recomputeAfterPrune,
                          List<Layer> layers, double calibrationSeconds, double pruneSeconds) {

    public PruneReport {
        layers = List.copyOf(layers);
    }

    /**
     * One pruned layer.
     *
     * @param name      the weight's name
     * @param rows      outputs
     * @param cols      inputs
     * @param nnzBefore entries before pruning ({@code rows · cols} for a dense layer)
     * @param nnz       entries after
     */
    public record Layer(String name, int rows, int cols, long nnzBefore, long nnz) {
        /** nnz over {@code rows · cols}. */
        public double density() {
            return (double) nnz / ((long) rows * cols);
        }
    }

    /** Entries kept over the entries of every pruned layer's dense matrix. */
    public double density() {
        long nnz = 0;
        long size = 0;
        for (Layer l : layers) {
            nnz += l.nnz();
            size += (long) l.rows() * l.cols();
        }
        return size == 0 ? 1 : (double) nnz / size;
    }
}

package rewire.sparsity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one call of {@link Rewirer#maybeRewire} did, per layer. Counts follow the criteria's
 * choices: {@code pruned} entries were chosen for removal, {@code grown} positions were chosen for
 * growth, and {@code regrown} of those were pruned at this same update and grown back (they keep
 * their value and optimizer state, so the topology changed by {@code pruned - regrown} removals and
 * {@code grown - regrown} additions).
 *
 * @param step    the training step
 * @param updated whether the cadence made this an update step
 * @param layers  one entry per layer, in the order given (empty when not updated)
 */
public record RewireReport(long step, boolean updated, List<Layer> layers) {

    public RewireReport {
        layers = List.copyOf(layers);
    }

    /** The report of a step that was not an update step. */
    public static RewireReport skipped(long step) {
        return new RewireReport(step, false, List.of());
    }

    /**
     * One layer's update.
     *
     * @param emptyRows       output rows (neurons) without any connection after the update: the
     *                        neurons {@link NeuronAblation} ablated, or dead rows of any other method
     * @param explorationRate fraction of the layer's positions ever active, NaN without an {@link EverActive}
     * @param scoringFlops    floating-point operations spent scoring this layer's candidates
     *                        ({@link Selection#scoringFlops}): Cannistraci-Hebb link prediction, and
     *                        the saliency pass of {@link NeuronAblation}; 0 for random, gradient and
     *                        momentum growth, whose dense products the FLOP account counts with the step
     */
    public record Layer(String name, int rows, int cols, int nnzBefore, int pruned, int grown, int regrown, int nnz,
                        int emptyRows, double explorationRate, long scoringFlops) {

        public double density() {
            return (double) nnz / ((long) rows * cols);
        }

        /** This layer's counts as plain values (a JSON object), the form of the run folder's rewire log. */
        public Map<String, Object> toPlain() {
            Map<String, Object> plain = new LinkedHashMap<>();
            plain.put("name", name);
            plain.put("nnzBefore", nnzBefore);
            plain.put("pruned", pruned);
            plain.put("grown", grown);
            plain.put("regrown", regrown);
            plain.put("nnz", nnz);
            plain.put("density", density());
            plain.put("emptyRows", emptyRows);
            plain.put("explorationRate", Double.isNaN(explorationRate) ? null : explorationRate);
            plain.put("scoringFlops", scoringFlops);
            return plain;
        }
    }

    /** Connections after the update, over all layers. */
    public long nnz() {
        return layers.stream().mapToLong(Layer::nnz).sum();
    }

    public long pruned() {
        return layers.stream().mapToLong(Layer::pruned).sum();
    }

    public long grown() {
        return layers.stream().mapToLong(Layer::grown).sum();
    }

    public long regrown() {
        return layers.stream().mapToLong(Layer::regrown).sum();
    }

    /** FLOPs spent scoring growth candidates, over all layers. */
    public long scoringFlops() {
        return layers.stream().mapToLong(Layer::scoringFlops).sum();
    }

    /** True density of all the layers together. */
    public double density() {
        long size = layers.stream().mapToLong(l -> (long) l.rows() * l.cols()).sum();
        return size == 0 ? 0 : (double) nnz() / size;
    }
}

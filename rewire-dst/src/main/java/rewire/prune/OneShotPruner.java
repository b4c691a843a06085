package rewire.prune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rewire.sparse.CsrMatrix;
import rewire.tensor.Rng;

/**
 * Prunes a {@link PrunableModel} in one shot, stage by stage (METHODS.md H.1): the stage's layers
 * show their inputs over one calibration pass of {@code calibration} sequences, then each is
 * pruned by the method and written back into the model, so that with
 * {@code recomputeAfterPrune} the next stage calibrates on the outputs of the pruned ones (the
 * order of Wanda's and SparseGPT's reference code, the default). Without it every stage
 * calibrates on the dense model's outputs in one pass, as MoE-Pruner's Algorithm 1 is written.
 * Every pass draws the same calibration sequences ({@code Rng(seed)}).
 */
public final class OneShotPruner {

    /**
     * @param method              how each layer is pruned
     * @param target              how sparse
     * @param calibration         sequences per calibration pass; unused by a method that needs no statistics
     * @param recomputeAfterPrune calibrate each stage after pruning the ones before it
     * @param seed                the seed of the calibration draw
     */
    public record Settings(PruneMethod method, SparsityTarget target, int calibration, boolean recomputeAfterPrune,
                           long seed) {
        public Settings {
            if (!method.needs().isEmpty() && calibration < 1) {
                throw new IllegalArgumentException(method.key() + " needs calibration data: --calibration must be >= 1, got "
                        + calibration);
            }
        }
    }

    /**
     * The pruned model's layers and the report.
     *
     * @param pruned every pruned weight by name, in model order, as CSR
     */
    public record Result(PruneReport report, Map<String, CsrMatrix> pruned) {
    }

    private OneShotPruner() {
    }

    /** Prunes every target of {@code model} in place; the returned CSR matrices are the pruned layers. */
    public static Result prune(PrunableModel model, Settings settings) {
        List<PruneTarget> targets = model.pruneTargets();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("the model offers no layer to prune");
        }
        for (PruneTarget t : targets) {
            settings.target().requireFits(t.name(), WeightMatrix.columnsOf(t.weight()));
        }
        TreeMap<Integer, List<PruneTarget>> stages = new TreeMap<>();
        for (PruneTarget t : targets) {
            stages.computeIfAbsent(settings.recomputeAfterPrune() ? t.stage() : 0, s -> new ArrayList<>()).add(t);
        }
        Map<String, CsrMatrix> pruned = new LinkedHashMap<>();
        List<PruneReport.Layer> layers = new ArrayList<>();
        long calibrationNanos = 0;
        long pruneNanos = 0;
        for (List<PruneTarget> stage : stages.values()) {
            long start = System.nanoTime();
            List<LayerStatistics> stats = calibrate(model, stage, settings);
            long calibrated = System.nanoTime();
            for (int i = 0; i < stage.size(); i++) {
                PruneTarget t = stage.get(i);
                WeightMatrix w = WeightMatrix.of(t.weight());
                CsrMatrix result = settings.method().prune(w, stats.get(i), settings.target());
                WeightMatrix.prune(t.weight(), result);
                pruned.put(t.name(), result);
                layers.add(new PruneReport.Layer(t.name(), w.rows(), w.cols(), w.nnz(), result.nnz()));
            }
            calibrationNanos += calibrated - start;
            pruneNanos += System.nanoTime() - calibrated;
        }
        int calibration = settings.method().needs().isEmpty() ? 0 : settings.calibration();
        return new Result(new PruneReport(settings.method().key(), settings.target(), calibration,
                settings.recomputeAfterPrune(), layers, calibrationNanos / 1e9, pruneNanos / 1e9), pruned);
    }

    // one calibration pass with the stage's layers watched (none when the method needs no statistics)
    private static List<LayerStatistics> calibrate(PrunableModel model, List<PruneTarget> stage, Settings settings) {
        List<LayerStatistics> stats = new ArrayList<>();
        for (PruneTarget t : stage) {
            stats.add(new LayerStatistics(t.name(), WeightMatrix.columnsOf(t.weight()), settings.method().needs()));
        }
        if (settings.method().needs().isEmpty()) {
            return stats;
        }
        try {
            for (int i = 0; i < stage.size(); i++) {
                stage.get(i).watch(stats.get(i));
            }
            model.calibrate(settings.calibration(), new Rng(settings.seed()));
        } finally {
            stage.forEach(PruneTarget::unwatch);
        }
        return stats;
    }
}

package rewire.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rewire.autodiff.AttentionMask;
import rewire.io.Json;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptWorkload;
import rewire.prune.OneShotPruner;
import rewire.prune.PruneMethod;
import rewire.prune.PruneReport;
import rewire.prune.SparsityTarget;
import rewire.prune.WeightTransfer;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.train.Evaluation;

/**
 * One-shot pruning of a trained GPT run into a new run folder. The trained model is pruned in
 * place, block by block on calibration sequences of its training text ({@link OneShotPruner});
 * then the run's configuration becomes that of a sparse run ({@code sparsity: {recipe: static,
 * density: 1 - s, options: [distribution=uniform]}}, with {@code constraint=N:M} for N:M, one
 * epoch of fine-tuning by default), which builds every linear layer of the blocks as a
 * {@code SparseLinear}; the pruned layers' CSR matrices and every other parameter go into it
 * ({@link WeightTransfer}), so a run trained dense comes out truly sparse. The new folder is a
 * {@link StartingPoint}; its {@code prune.json} records what pruning did.
 */
final class Pruning {
    /** The file of a pruned run folder that records the pruning. */
    static final String RECORD = "prune.json";

    private Pruning() {
    }

    /**
     * @param method      how each layer is pruned
     * @param target      how sparse
     * @param calibration calibration sequences
     * @param recompute   calibrate each block after pruning the ones before it
     * @param seed        the calibration draw's seed
     * @param overrides   {@code key=value} overrides of the pruned run's configuration
     */
    record Request(PruneMethod method, SparsityTarget target, int calibration, boolean recompute, long seed,
                   List<String> overrides) {
    }

    /** The pruned run folder, its record, and the lines the command prints. */
    record Outcome(StartingPoint pruned, PruneRecord record, List<String> lines) {
    }

    static Outcome run(LoadedRun source, Request request, Kernels kernels) throws IOException {
        GptWorkload gpt = source.gpt("prune");
        if (!gpt.model().attentionMask().equals(AttentionMask.causal())) {
            throw new IllegalArgumentException(source.folder().dir() + " ended its training with sparse attention ("
                    + gpt.model().attentionMask() + "); a pruned run starts at step 0 with dense causal attention, so "
                    + "prune a run whose sparse-attention window ends before its last step");
        }
        Evaluation before = source.evaluate();
        OneShotPruner.Result result = OneShotPruner.prune(gpt, new OneShotPruner.Settings(request.method(),
                request.target(), request.calibration(), request.recompute(), request.seed()));
        RunSpec pruned = RunSpecs.fromFile(source.folder().path(RunFolder.CONFIG_YAML), overrides(source, request),
                kernels);
        WeightTransfer.copy(source.spec().workload().params(), result.pruned(), pruned.workload().params());
        StartingPoint start = StartingPoint.write(pruned, kernels);
        PruneRecord record = PruneRecord.of(source, request, before, start.evaluation(), result.report());
        start.folder().writeText(RECORD, Json.write(record) + "\n");
        return new Outcome(start, record, lines(source, start, record));
    }

    // the trained run's configuration made sparse at the target, one epoch of fine-tuning, then the user's
    static List<String> overrides(LoadedRun source, Request request) {
        SparsityTarget t = request.target();
        String label = t.semiStructured() ? t.n() + "-" + t.m() : "s" + Math.round(t.sparsity() * 100);
        List<String> out = new ArrayList<>(List.of(
                "name=" + source.spec().name() + "-" + request.method().key().replace('+', '-') + "-" + label,
                "sparsity.recipe=static", "sparsity.density=" + t.density(),
                "sparsity.options=[distribution=uniform" + (t.semiStructured() ? ", constraint=" + t : "") + "]",
                "train.epochs=1", "train.scheduleEpochs=0"));
        out.addAll(request.overrides());
        return out;
    }

    private static List<String> lines(LoadedRun source, StartingPoint start, PruneRecord r) {
        List<String> out = new ArrayList<>();
        out.add("Pruned     " + source.folder().dir() + " (step " + source.step() + ") -> " + start.folder().dir());
        out.add(String.format(Locale.ROOT, "Method     %s (%s), %s, %d calibration sequences (seed %d), %s", r.method(),
                r.paper(), r.target(), r.calibration(), r.seed(), r.recomputeAfterPrune()
                        ? "each block calibrated after pruning the ones before it" : "every block calibrated dense"));
        out.add(String.format(Locale.ROOT, "Perplexity %.3f -> %.3f (validation loss %.4f -> %.4f)",
                r.before().perplexity(), r.after().perplexity(), r.before().loss(), r.after().loss()));
        out.add(String.format(Locale.ROOT, "Density    %.4f of the pruned layers' weights kept", r.density()));
        out.add(String.format(Locale.ROOT, "Time       calibration %.2f s, pruning %.2f s", r.calibrationSeconds(),
                r.pruneSeconds()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("layer", "out", "in", "nnz", "density"));
        for (PruneReport.Layer l : r.layers()) {
            rows.add(List.of(l.name(), Integer.toString(l.rows()), Integer.toString(l.cols()),
                    String.format(Locale.ROOT, "%,d", l.nnz()), String.format(Locale.ROOT, "%.4f", l.density())));
        }
        TextColumns columns = TextColumns.fit(rows, List.of(false, true, true, true, true), 0);
        rows.forEach(row -> out.add(columns.line("  ", row)));
        out.add("Fine-tune  rewire resume " + start.folder().dir() + "   (its config.yaml: one epoch, the mask fixed)");
        return out;
    }

    /** Validation loss and perplexity. */
    record Quality(double loss, double perplexity) {
        static Quality of(Evaluation e) {
            return new Quality(e.get("loss"), Math.exp(e.get("loss")));
        }
    }
}

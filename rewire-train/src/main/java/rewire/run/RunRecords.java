package rewire.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.FlopCounter;
import rewire.train.Environment;
import rewire.train.Evaluation;
import rewire.train.FlopHook;
import rewire.train.MetricsHook;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.TrainState;
import rewire.train.Workload;

/** Builds the parts of a {@link RunRecord} from a run: its start, layers, connectivity and summary. */
final class RunRecords {
    private RunRecords() {
    }

    /** The time now as run.json records it: ISO-8601 in UTC, to the second ("2026-11-22T15:40:00Z"). */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The record of a run starting (or resuming) now; {@code earlierLayers} are the layers of the
     * record a resumed run wrote before (empty for a new run), whose initial nnz it keeps.
     */
    static RunRecord started(RunSpec spec, Map<String, Object> environment, String startedAt,
                             List<RunRecord.Layer> earlierLayers) {
        Workload w = spec.workload();
        List<RunRecord.Group> groups = new ArrayList<>();
        for (ParamGroup g : w.groups()) {
            groups.add(new RunRecord.Group(g.name(), g.recipe() == null ? "dense" : g.recipe().name(), g.density(),
                    g.frozen()));
        }
        return new RunRecord(spec.name(), RunRecord.RUNNING, spec.seed(), Environment.gitRevision(), environment,
                w.name(), w.sampleUnit(), groups, w.scores(), spec.warnings(), spec.config(), layers(w, earlierLayers),
                startedAt,
                null, null, null);
    }

    /**
     * Per linear layer: group, kind, shape, nnz, density, for sparse layers the representation in
     * use, and the nnz the run started with: the one {@code earlier} (a record written before in
     * this run) holds for the layer, or the nnz now for a layer {@code earlier} does not name.
     */
    static List<RunRecord.Layer> layers(Workload workload, List<RunRecord.Layer> earlier) {
        Map<String, RunRecord.Layer> before = new HashMap<>();
        earlier.forEach(l -> before.put(l.name(), l));
        List<RunRecord.Layer> out = new ArrayList<>();
        for (ParamGroup g : workload.groups()) {
            Map<String, SparseLinear> sparse = new HashMap<>();
            for (SparseLinear l : g.sparseLayers()) {
                sparse.put(l.weight().name(), l);
            }
            for (FlopCounter.Layer f : g.flopLayers()) {
                SparseLinear s = sparse.get(f.name());
                long nnz = s != null ? s.weight().pattern().nnz() : f.nnz();
                Long initial = before.containsKey(f.name()) ? before.get(f.name()).initialNnz() : Long.valueOf(nnz);
                out.add(new RunRecord.Layer(f.name(), g.name(), s != null ? "sparse" : "dense", f.in(), f.out(), nnz,
                        (double) nnz / f.denseSize(), s != null ? s.representation().name() : "DENSE", initial));
            }
        }
        return out;
    }

    /**
     * For each input pixel, the outgoing connections the first sparse layer keeps: the heatmap of
     * which inputs the topology found worth wiring. Null when the workload's input is not an image
     * or no sparse layer reads it directly.
     */
    static RunRecord.Connectivity connectivity(Workload workload) {
        int[] image = workload.inputImage();
        SparseLinear first = workload.groups().stream().flatMap(g -> g.sparseLayers().stream()).findFirst()
                .orElse(null);
        if (image == null || first == null) {
            return null;
        }
        SparsityPattern p = first.weight().pattern();
        if (p.cols() != image[0] * image[1]) {
            return null;
        }
        long[] counts = new long[p.cols()];
        for (int c : p.colIdx()) {
            counts[c]++;
        }
        List<Long> list = new ArrayList<>();
        for (long c : counts) {
            list.add(c);
        }
        return new RunRecord.Connectivity(first.weight().name(), List.of(image[0], image[1]), list);
    }

    /** What the run achieved and cost, after {@code state.step()} steps. */
    static RunSummary summary(RunSpec spec, TrainState state, MetricsHook metrics, FlopHook flops,
                              CheckpointHook checkpoints) {
        Workload w = spec.workload();
        Score primary = w.scores().get(0);
        Evaluation eval = metrics.lastEvaluation();
        long stored = 0;
        long dense = 0;
        for (ParamGroup g : w.groups()) {
            for (Param p : g.params()) {
                stored += p.size();
            }
            dense += g.params().stream().mapToLong(Param::size).sum();
            for (SparseLinear l : g.sparseLayers()) {
                dense += (long) l.out() * l.in() - l.weight().pattern().nnz();
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        if (eval != null) {
            eval.values().forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    values.put(k, v);
                }
            });
        }
        Double score = values.get(primary.key());
        long best = checkpoints.bestStep();
        return new RunSummary(primary.key(), primary.label(), score, values, best < 0 ? null : best,
                best < 0 ? null : checkpoints.bestScore(), (double) state.step() / w.stepsPerEpoch(), state.step(),
                dense, stored, dense == 0 ? 1 : (double) stored / dense, flops.trainingFlops(),
                flops.denseTwinTrainingFlops(), ratio(flops.trainingFlops(), flops.denseTwinTrainingFlops()),
                flops.inferenceFlops(), flops.denseInferenceFlops(),
                ratio(flops.inferenceFlops(), flops.denseInferenceFlops()), toMillis(metrics.elapsedSeconds()),
                metrics.samplesPerSecond(), w.sampleUnit(), Environment.peakHeapBytes(), Environment.peakRssBytes());
    }

    // seconds to the millisecond: a duration in run.json, not nanosecond digits of System.nanoTime
    private static double toMillis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 1 : (double) a / b;
    }
}

package rewire.train;

import java.util.LinkedHashMap;
import java.util.Map;
import rewire.nn.Param;
import rewire.sparsity.FlopCounter;

/**
 * What a finished run achieved and cost: the summary of run.json and of the report.
 *
 * @param parameters parameters of the dense twin
 * @param nnz        parameters actually stored (sparse layers count their connections)
 */
public record RunSummary(double testAccuracy, double testLoss, double epochs, long steps, long parameters, long nnz,
                         double trainingFlops, double denseTrainingFlops, double inferenceFlops,
                         double denseInferenceFlops, double wallClockSeconds, double samplesPerSecond,
                         long peakHeapBytes, long peakRssBytes) {

    static RunSummary of(RunSpec spec, TrainState state, MetricsHook metrics, FlopCounter flops) {
        Evaluation eval = metrics.lastEvaluation();
        long stored = 0;
        for (Param p : spec.workload().model().params()) {
            stored += p.size();
        }
        long denseParams = stored;
        for (var l : spec.workload().sparseLayers()) {
            denseParams += (long) l.out() * l.in() - l.weight().pattern().nnz();
        }
        return new RunSummary(eval == null ? Double.NaN : eval.accuracy(), eval == null ? Double.NaN : eval.loss(),
                (double) state.step() / spec.workload().stepsPerEpoch(), state.step(), denseParams, stored,
                flops.trainingFlops(), flops.denseTwinTrainingFlops(), flops.inferenceFlops(1),
                flops.denseInferenceFlops(1), metrics.elapsedSeconds(), metrics.samplesPerSecond(),
                Environment.peakHeapBytes(), Environment.peakRssBytes());
    }

    public double density() {
        return parameters == 0 ? 1 : (double) nnz / parameters;
    }

    public double trainingFlopsRatio() {
        return trainingFlops / denseTrainingFlops;
    }

    public double inferenceFlopsRatio() {
        return inferenceFlops / denseInferenceFlops;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("testAccuracy", finite(testAccuracy));
        m.put("testLoss", finite(testLoss));
        m.put("epochs", epochs);
        m.put("steps", steps);
        m.put("parameters", parameters);
        m.put("nnz", nnz);
        m.put("density", density());
        m.put("trainingFlops", trainingFlops);
        m.put("denseTrainingFlops", denseTrainingFlops);
        m.put("trainingFlopsRatio", trainingFlopsRatio());
        m.put("inferenceFlops", inferenceFlops);
        m.put("denseInferenceFlops", denseInferenceFlops);
        m.put("inferenceFlopsRatio", inferenceFlopsRatio());
        m.put("wallClockSeconds", wallClockSeconds);
        m.put("samplesPerSecond", samplesPerSecond);
        m.put("peakHeapBytes", peakHeapBytes);
        m.put("peakRssBytes", peakRssBytes);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

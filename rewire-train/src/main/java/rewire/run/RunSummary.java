package rewire.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a finished (or stopped) run achieved and cost: the {@code summary} of run.json, which the
 * console, the report and {@code rewire compare} read.
 *
 * @param scoreKey            the primary score's key ("accuracy", "loss", "winRate")
 * @param scoreLabel          what it measures ("test accuracy", "validation loss")
 * @param score               its value at the last evaluation, null when there was none
 * @param evaluation          every value of the last evaluation
 * @param bestStep            the step of the best evaluation by the primary score, null when none
 * @param bestScore           the primary score there
 * @param parameters          parameters of the dense twin
 * @param nnz                 parameters actually stored (sparse layers count their connections)
 * @param sampleUnit          the unit of {@code samplesPerSecond}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunSummary(String scoreKey, String scoreLabel, Double score, Map<String, Double> evaluation,
                         Long bestStep, Double bestScore, double epochs, long steps, long parameters, long nnz,
                         double density, double trainingFlops, double denseTrainingFlops, double trainingFlopsRatio,
                         double inferenceFlops, double denseInferenceFlops, double inferenceFlopsRatio,
                         double wallClockSeconds, double samplesPerSecond, String sampleUnit, long peakHeapBytes,
                         long peakRssBytes) {

    public RunSummary {
        evaluation = evaluation == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evaluation));
    }

    /** The value of evaluation key {@code key}, NaN when the last evaluation did not report it. */
    public double value(String key) {
        Double v = evaluation.get(key);
        return v == null ? Double.NaN : v;
    }
}

package rewire.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training step reports: its loss, how many samples it trained on (in the workload's
 * {@link Workload#sampleUnit()}: examples, tokens, environment steps), how many examples went
 * through the groups' layers for FLOP accounting (the same number for a supervised workload; a
 * learner from replay counts its sampled batch, not the environment steps it played), and further
 * numbers averaged over each logging window, sample-weighted (the batch accuracy, a GAN's two
 * losses).
 *
 * @param loss     the step's main loss
 * @param samples  samples of this step, for throughput
 * @param examples examples through the groups' layers, for training FLOPs
 * @param metrics  further per-step numbers, keyed in camelCase
 */
public record StepResult(double loss, long samples, long examples, Map<String, Double> metrics) {

    public StepResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (samples < 0 || examples < 0) {
            throw new IllegalArgumentException("samples and examples must be >= 0, got " + samples + " and " + examples);
        }
    }

    /** A step whose samples are the examples its layers saw. */
    public StepResult(double loss, long samples, Map<String, Double> metrics) {
        this(loss, samples, samples, metrics);
    }

    /** A step with its loss and sample count only. */
    public StepResult(double loss, long samples) {
        this(loss, samples, samples, Map.of());
    }
}

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
 * losses). Groups that train on different numbers of examples in one step name theirs in
 * {@code groupExamples}: a GAN's discriminator trains on a real and a fake batch at every step,
 * its generator on one batch at every {@code n_critic}-th step and on none in between.
 *
 * @param loss          the step's main loss
 * @param samples       samples of this step, for throughput
 * @param examples      examples through the groups' layers, for training FLOPs
 * @param metrics       further per-step numbers, keyed in camelCase
 * @param groupExamples examples through the layers of the groups named here, in place of
 *                      {@code examples}; empty when every group saw {@code examples}
 */
public record StepResult(double loss, long samples, long examples, Map<String, Double> metrics,
                         Map<String, Long> groupExamples) {

    public StepResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        groupExamples = Map.copyOf(groupExamples);
        if (samples < 0 || examples < 0 || groupExamples.values().stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("samples and examples must be >= 0, got " + samples + ", " + examples
                    + " and " + groupExamples);
        }
    }

    /** A step whose groups all saw {@code examples}. */
    public StepResult(double loss, long samples, long examples, Map<String, Double> metrics) {
        this(loss, samples, examples, metrics, Map.of());
    }

    /** The examples that went through the layers of group {@code group} at this step. */
    public long examplesOf(String group) {
        return groupExamples.getOrDefault(group, examples);
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

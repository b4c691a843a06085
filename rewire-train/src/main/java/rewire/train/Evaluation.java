package rewire.train;

import java.util.Map;

/**
 * Metrics of one evaluation pass.
 *
 * @param split    "test" or "val"
 * @param loss     mean loss, or NaN when it does not apply
 * @param accuracy fraction correct in [0, 1] (a reinforcement learner's win rate), or NaN when it does not apply
 * @param samples  examples (or episodes) evaluated
 * @param extras   further numbers of the workload, such as the mean return (keys in camelCase)
 */
public record Evaluation(String split, double loss, double accuracy, int samples, Map<String, Double> extras) {

    public Evaluation {
        extras = Map.copyOf(extras);
    }

    /** An evaluation with no extra numbers. */
    public Evaluation(String split, double loss, double accuracy, int samples) {
        this(split, loss, accuracy, samples, Map.of());
    }
}

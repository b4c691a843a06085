package rewire.train;

/**
 * Metrics of one evaluation pass.
 *
 * @param split    "test" or "val"
 * @param loss     mean loss
 * @param accuracy fraction correct in [0, 1], or NaN when it does not apply
 * @param samples  examples evaluated
 */
public record Evaluation(String split, double loss, double accuracy, int samples) {
}

package rewire.cli.progress;

/**
 * The words a {@link ProgressBar} puts before each value, so one bar serves epochs of supervised
 * training and episodes of reinforcement learning alike.
 *
 * @param epoch             the outer unit ({@code epoch}, {@code episode})
 * @param step              the inner unit ({@code step})
 * @param loss              the loss's name
 * @param accuracy          the score's name ({@code acc}, {@code return}); a state whose samples are
 *                          not examples names them before it ({@code token acc})
 * @param accuracyAsPercent true to show the score as a percentage (a fraction in [0, 1]), false as a plain number
 * @param rate              the throughput's unit ({@code samples/s}, {@code steps/s}) when the state
 *                          carries no sample unit of its own
 */
public record ProgressLabels(String epoch, String step, String loss, String accuracy, boolean accuracyAsPercent,
                             String rate) {

    /** Supervised training: epoch, step, loss, acc (percent), samples/s. */
    public static ProgressLabels training() {
        return new ProgressLabels("epoch", "step", "loss", "acc", true, "samples/s");
    }

    /** Reinforcement learning: episode, step, loss, return (plain number), steps/s. */
    public static ProgressLabels episodes() {
        return new ProgressLabels("episode", "step", "loss", "return", false, "steps/s");
    }
}

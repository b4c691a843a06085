package rewire.sparsity.ch;

import rewire.optim.Schedule;

/**
 * The temperature of the soft removal of CHTs (METHODS E.2), rising linearly from
 * {@code start} at step 0 to {@code end} at {@code totalSteps} (the end of topology updates)
 * and held there afterwards: {@code T(t) = start + min(t, totalSteps) · (end - start) / totalSteps}.
 * Zhang et al., NeurIPS 2025, arXiv 2501.19107.
 *
 * @param start temperature at step 0
 * @param end temperature from {@code totalSteps} on
 * @param totalSteps steps over which the temperature rises; positive
 */
public record SoftTemperature(double start, double end, long totalSteps) implements Schedule {

    public SoftTemperature {
        if (!(start >= 0) || !(end >= 0) || Double.isInfinite(start) || Double.isInfinite(end) || totalSteps < 1) {
            throw new IllegalArgumentException("soft temperature needs finite non-negative start and end and a positive"
                    + " step count, got " + start + " -> " + end + " over " + totalSteps);
        }
    }

    /** The NeurIPS 2025 LLM scripts: from 1 to 9. */
    public static SoftTemperature llm(long totalSteps) {
        return new SoftTemperature(1, 9, totalSteps);
    }

    /** The earlier MLP code: {@code T = 1 + 2t / T_total}, from 1 to 3. */
    public static SoftTemperature mlp(long totalSteps) {
        return new SoftTemperature(1, 3, totalSteps);
    }

    @Override
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be non-negative, got " + step);
        }
        return start + Math.min(step, totalSteps) * ((end - start) / totalSteps);
    }
}

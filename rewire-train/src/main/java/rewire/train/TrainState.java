package rewire.train;

import rewire.optim.Slots;

/**
 * The mutable state of a training run that the trainer owns: the step about to run (or, in
 * {@link Hook#afterStep}, the number of steps done), the optimizer slots, the loss of the last
 * step, and the workload.
 */
public final class TrainState {
    private final Workload workload;
    private final Slots slots;
    private final long totalSteps;
    private long step;
    private double lastLoss = Double.NaN;

    public TrainState(Workload workload, Slots slots, long startStep, long totalSteps) {
        if (startStep < 0 || startStep > totalSteps) {
            throw new IllegalArgumentException("start step " + startStep + " outside [0, " + totalSteps + "]");
        }
        this.workload = workload;
        this.slots = slots;
        this.step = startStep;
        this.totalSteps = totalSteps;
    }

    public Workload workload() {
        return workload;
    }

    public Slots slots() {
        return slots;
    }

    /** The current step: the one running in {@link Hook#beforeOptimizerStep}, the count of finished steps in {@link Hook#afterStep}. */
    public long step() {
        return step;
    }

    public long totalSteps() {
        return totalSteps;
    }

    /** The epoch of {@link #step()} (0-based). */
    public long epoch() {
        return step / workload.stepsPerEpoch();
    }

    /** Whether {@link #step()} ends an epoch (in {@link Hook#afterStep}). */
    public boolean atEpochEnd() {
        return step > 0 && step % workload.stepsPerEpoch() == 0;
    }

    public double lastLoss() {
        return lastLoss;
    }

    void advance(double loss) {
        lastLoss = loss;
        step++;
    }
}

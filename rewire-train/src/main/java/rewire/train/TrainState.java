package rewire.train;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import rewire.nn.Param;
import rewire.optim.Slots;

/**
 * The mutable state of a training run that the trainer owns: the step about to run (or, in
 * {@link Hook#afterStep}, the number of steps done), the optimizer slots of every group, the result
 * of the last step, and the workload.
 */
public final class TrainState {
    private final Workload workload;
    private final Slots slots;
    private final long totalSteps;
    private long step;
    private StepResult last;

    /**
     * @throws IllegalArgumentException when two groups share a parameter name (checkpoints key
     *     parameters by name)
     */
    public TrainState(Workload workload, Slots slots, long startStep, long totalSteps) {
        if (startStep < 0 || startStep > totalSteps) {
            throw new IllegalArgumentException("start step " + startStep + " outside [0, " + totalSteps + "]");
        }
        requireUniqueNames(workload.groups());
        this.workload = workload;
        this.slots = slots;
        this.step = startStep;
        this.totalSteps = totalSteps;
    }

    public Workload workload() {
        return workload;
    }

    /** The optimizer state of every group's parameters. */
    public Slots slots() {
        return slots;
    }

    /** The current step: the one running until {@link Hook#afterStep}, the count of finished steps there. */
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

    /** What the last step reported, or null before the first. */
    public StepResult last() {
        return last;
    }

    /** Records that step {@link #step()} ran with {@code result}; called by a training loop, once per step. */
    public void advance(StepResult result) {
        last = result;
        step++;
    }

    private static void requireUniqueNames(List<ParamGroup> groups) {
        Set<String> groupNames = new HashSet<>();
        Set<String> paramNames = new HashSet<>();
        for (ParamGroup g : groups) {
            if (!groupNames.add(g.name())) {
                throw new IllegalArgumentException("two parameter groups are named " + g.name());
            }
            for (Param p : g.params()) {
                if (!paramNames.add(p.name())) {
                    throw new IllegalArgumentException("parameter " + p.name() + " appears twice (group " + g.name()
                            + "): every parameter belongs to one group under a unique name");
                }
            }
        }
    }
}

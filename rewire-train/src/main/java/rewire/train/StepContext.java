package rewire.train;

import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.Param;

/**
 * What a {@link Workload#step} works with: the step number, a tape, backward, and the update of a
 * parameter group. Made fresh for every step by the trainer (or a data-parallel worker), with the
 * tape cleared and every group's gradient zeroed.
 */
public final class StepContext {

    /** How a group's update is applied: by the trainer (DST, optimizer, hooks) or by a data-parallel worker. */
    @FunctionalInterface
    public interface Updater {
        void update(ParamGroup group, long step);
    }

    private final long step;
    private final Tape tape;
    private final Updater updater;

    public StepContext(long step, Tape tape, Updater updater) {
        this.step = step;
        this.tape = tape;
        this.updater = updater;
    }

    /** The step being run, counted from 0. */
    public long step() {
        return step;
    }

    /** The tape to record on. */
    public Tape tape() {
        return tape;
    }

    /**
     * Backpropagates the scalar {@code loss}, accumulating into the gradients of every parameter it
     * depends on.
     *
     * @throws NonFiniteLossException when the loss is NaN or infinite (nothing is updated)
     */
    public void backward(Var loss) {
        double value = loss.item();
        if (!Double.isFinite(value)) {
            throw new NonFiniteLossException(step, value);
        }
        tape.backward(loss);
    }

    /**
     * Applies {@code group}'s update from its current gradients: in training, the DST engine at
     * the group's update steps, then its optimizer.
     */
    public void update(ParamGroup group) {
        if (group.frozen()) {
            throw new IllegalArgumentException("group " + group.name() + " is frozen: it has no optimizer to update it");
        }
        updater.update(group, step);
    }

    /** Zeroes {@code group}'s gradients (between two losses of one step that touch the same group). */
    public void zeroGrad(ParamGroup group) {
        group.params().forEach(Param::zeroGrad);
    }

    /** Clears the tape, releasing what the losses recorded so far (after their backward). */
    public void clearTape() {
        tape.clear();
    }
}

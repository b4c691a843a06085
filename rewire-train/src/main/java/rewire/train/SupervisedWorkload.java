package rewire.train;

import java.util.List;
import java.util.Map;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * A workload with one parameter group and one loss per step: the classifiers and the language
 * model. Its step records the loss, runs backward and updates the group.
 */
public interface SupervisedWorkload extends Workload {

    /** The one group this workload trains. */
    ParamGroup group();

    /** Records the training loss of step {@code step} on {@code tape}. */
    Loss loss(Tape tape, long step);

    /**
     * The loss of one step.
     *
     * @param value   the scalar loss on the tape
     * @param samples samples of the step
     * @param metrics further numbers, such as the batch accuracy
     */
    record Loss(Var value, long samples, Map<String, Double> metrics) {
    }

    @Override
    default List<ParamGroup> groups() {
        return List.of(group());
    }

    @Override
    default StepResult step(StepContext context) {
        Loss loss = loss(context.tape(), context.step());
        context.backward(loss.value());
        context.update(group());
        return new StepResult(loss.value().item(), loss.samples(), loss.metrics());
    }
}

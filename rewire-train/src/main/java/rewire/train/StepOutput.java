package rewire.train;

import rewire.autodiff.Var;

/**
 * The result of recording one training step.
 *
 * @param loss    the scalar loss on the tape
 * @param correct correctly classified examples in the batch, or -1 when accuracy does not apply
 * @param samples examples in the batch
 */
public record StepOutput(Var loss, int correct, int samples) {
}

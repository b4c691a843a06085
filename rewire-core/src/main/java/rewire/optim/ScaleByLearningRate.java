package rewire.optim;

import java.util.List;
import rewire.nn.Param;

/**
 * Multiplies the update by {@code -lr(step)}, which turns a descent direction into the step that
 * {@link Optim#applyUpdates} adds to the values: {@code w += -lr * u}.
 */
record ScaleByLearningRate(Schedule learningRate) implements Transform {

    @Override
    public void update(List<Param> params, Slots slots, long step) {
        double lr = learningRate.at(step);
        if (!Double.isFinite(lr)) {
            throw new IllegalStateException("learning rate at step " + step + " is " + lr);
        }
        float scale = (float) -lr;
        for (Param param : params) {
            float[] u = param.grad();
            for (int i = 0; i < u.length; i++) {
                u[i] *= scale;
            }
        }
    }
}

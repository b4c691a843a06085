package rewire.optim;

import java.util.List;
import rewire.nn.Param;

/**
 * Scales all updates together so that their joint L2 norm is at most {@code maxNorm} (Pascanu,
 * Mikolov and Bengio, "On the difficulty of training recurrent neural networks", ICML 2013), with
 * PyTorch's {@code clip_grad_norm_} rule: factor {@code maxNorm / (norm + 1e-6)} when it is
 * below 1, otherwise the updates stay as they are. The norm runs over every connection of every
 * parameter, summed in double in a fixed order, so it is reproducible bit for bit.
 */
record ClipByGlobalNorm(double maxNorm) implements Transform {
    /** Added to the norm before dividing, as PyTorch does. */
    static final double NORM_EPSILON = 1e-6;

    @Override
    public void update(List<Param> params, Slots slots, long step) {
        double norm = Math.sqrt(sumOfSquares(params));
        if (!Double.isFinite(norm)) {
            throw new IllegalStateException("global gradient norm at step " + step + " is " + norm
                    + ": a gradient holds NaN or infinity");
        }
        double factor = maxNorm / (norm + NORM_EPSILON);
        if (factor >= 1) {
            return;
        }
        float f = (float) factor;
        for (Param param : params) {
            float[] u = param.grad();
            for (int i = 0; i < u.length; i++) {
                u[i] *= f;
            }
        }
    }

    private static double sumOfSquares(List<Param> params) {
        double sum = 0;
        for (Param param : params) {
            for (float g : param.grad()) {
                sum += (double) g * g;
            }
        }
        return sum;
    }
}

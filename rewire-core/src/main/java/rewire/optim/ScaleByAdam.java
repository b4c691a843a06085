package rewire.optim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import rewire.nn.Param;

/**
 * The direction of Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015)
 * with PyTorch's arithmetic: moments {@code m = b1 * m + (1 - b1) * u} and
 * {@code v = b2 * v + (1 - b2) * u * u} in the slots {@value #FIRST} and {@value #SECOND} (the
 * {@link SlotRole#FIRST_MOMENT} and {@link SlotRole#SECOND_MOMENT}), then
 * the update {@code (m / c1) / (sqrt(v) / sqrt(c2) + eps)} with bias corrections
 * {@code c_k = 1 - b_k^t} and {@code eps} outside the square root.
 *
 * <p>The step count is {@code t = step + 1}, taken from the training step rather than stored, so
 * a checkpoint needs only the moments and the step. A connection grown by the DST engine starts
 * with zero moments but shares the global {@code t}, as when a sparse trainer zeroes the moments
 * of new connections.
 */
record ScaleByAdam(double b1, double b2, double eps) implements Transform {
    static final String FIRST = "adam.m";
    static final String SECOND = "adam.v";

    @Override
    public void update(List<Param> params, Slots slots, long step) {
        if (step < 0) {
            throw new IllegalArgumentException("Adam step must not be negative, got " + step);
        }
        long t = step + 1;
        float beta1 = (float) b1;
        float beta2 = (float) b2;
        float keep1 = (float) (1 - b1);
        float keep2 = (float) (1 - b2);
        float invCorrection1 = (float) (1 / (1 - Math.pow(b1, t)));
        float sqrtCorrection2 = (float) Math.sqrt(1 - Math.pow(b2, t));
        float epsilon = (float) eps;
        for (Param param : params) {
            float[] u = param.grad();
            float[] m = slots.get(param, FIRST);
            float[] v = slots.get(param, SECOND);
            for (int i = 0; i < u.length; i++) {
                float g = u[i];
                m[i] = beta1 * m[i] + keep1 * g;
                v[i] = beta2 * v[i] + keep2 * (g * g);
                float denominator = (float) Math.sqrt(v[i]) / sqrtCorrection2 + epsilon;
                u[i] = m[i] / denominator * invCorrection1;
            }
        }
    }

    @Override
    public List<String> slotNames() {
        return List.of(FIRST, SECOND);
    }

    @Override
    public Map<String, SlotRole> slotRoles() {
        return Map.of(FIRST, SlotRole.FIRST_MOMENT, SECOND, SlotRole.SECOND_MOMENT);
    }

    @Override
    public Optional<MomentRule> momentRule() {
        return Optional.of(MomentRule.adam(b1, b2));
    }
}

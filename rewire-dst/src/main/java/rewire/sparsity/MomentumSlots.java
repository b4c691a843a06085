package rewire.sparsity;

import rewire.nn.SparseParam;
import rewire.optim.Slots;

/**
 * Where SNFS reads the momentum of a layer's active connections: the optimizer's slots. With
 * Adam the statistic is {@code m / (sqrt(v) + 1e-8)}, otherwise the SGD momentum buffer, as in
 * the reference ({@code get_momentum_for_weight}). The slot names must match the optimizer's.
 *
 * @param momentum the SGD momentum slot name
 * @param adamM    Adam's first-moment slot name
 * @param adamV    Adam's second-moment slot name
 */
public record MomentumSlots(String momentum, String adamM, String adamV) {

    /** The names {@code "momentum"}, {@code "adam.m"}, {@code "adam.v"} documented by {@link Slots}. */
    public static MomentumSlots defaults() {
        return new MomentumSlots("momentum", "adam.m", "adam.v");
    }

    /**
     * The momentum of each entry of {@code param}.
     *
     * @throws IllegalStateException if the optimizer keeps neither slot for the parameter
     */
    public float[] read(Slots slots, SparseParam param) {
        if (slots.has(param, adamM) && slots.has(param, adamV)) {
            float[] m = slots.get(param, adamM);
            float[] v = slots.get(param, adamV);
            float[] out = new float[m.length];
            for (int e = 0; e < out.length; e++) {
                out[e] = (float) (m[e] / (Math.sqrt(v[e]) + 1e-8));
            }
            return out;
        }
        if (slots.has(param, momentum)) {
            return slots.get(param, momentum);
        }
        throw new IllegalStateException("SNFS reads the optimizer slot '" + momentum + "' or '" + adamM + "' and '"
                + adamV + "' of " + param.name() + ", and the optimizer keeps none of them: slots present are "
                + slots.of(param).keySet());
    }

    /** Mean |momentum| over the active connections (0 for an empty layer). */
    double meanAbs(Slots slots, SparseParam param) {
        float[] m = read(slots, param);
        double sum = 0;
        for (float v : m) {
            sum += Math.abs(v);
        }
        return m.length == 0 ? 0 : sum / m.length;
    }
}

package rewire.sparsity;

import rewire.nn.SparseParam;
import rewire.optim.SlotRole;
import rewire.optim.Slots;

/**
 * Where SNFS reads the momentum of a layer's active connections: the optimizer's moments, found
 * by {@link SlotRole}, whatever the optimizer. With a second moment (Adam) the statistic is
 * {@code m / (sqrt(v) + 1e-8)}, otherwise the first moment (SGD's momentum buffer), as in the
 * reference ({@code get_momentum_for_weight}).
 */
final class OptimizerMomentum {
    private OptimizerMomentum() {
    }

    /**
     * The momentum of each entry of {@code param}.
     *
     * @throws IllegalStateException if the optimizer keeps no first moment for the parameter
     */
    static float[] read(Slots slots, SparseParam param) {
        float[] m = slots.find(param, SlotRole.FIRST_MOMENT).orElseThrow(() -> new IllegalStateException(
                "SNFS grows by the optimizer's momentum of " + param.name() + ", and the optimizer keeps no first "
                        + "moment for it (slot roles registered: " + slots.roles() + ", slots present: "
                        + slots.names(param) + "); use SGD with momentum or Adam, and call the optimizer's "
                        + "Transform.init(params, slots) before training"));
        var v = slots.find(param, SlotRole.SECOND_MOMENT);
        if (v.isEmpty()) {
            return m;
        }
        float[] second = v.get();
        float[] out = new float[m.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = (float) (m[e] / (Math.sqrt(second[e]) + 1e-8));
        }
        return out;
    }

    /** Mean |momentum| over the active connections (0 for an empty layer). */
    static double meanAbs(Slots slots, SparseParam param) {
        float[] m = read(slots, param);
        double sum = 0;
        for (float v : m) {
            sum += Math.abs(v);
        }
        return m.length == 0 ? 0 : sum / m.length;
    }
}

package rewire.optim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import rewire.nn.Param;

/**
 * Heavy-ball momentum (Polyak, "Some methods of speeding up the convergence of iteration methods",
 * 1964) and its Nesterov form (Nesterov 1983, in the formulation of Sutskever et al., "On the
 * importance of initialization and momentum in deep learning", ICML 2013), with PyTorch's
 * {@code SGD} semantics and zero dampening: {@code buf = beta * buf + u}, then the update is
 * {@code buf}, or {@code u + beta * buf} with Nesterov. The buffer is the slot {@value #SLOT}, the
 * {@link SlotRole#FIRST_MOMENT};
 * a connection grown by the DST engine starts with an empty buffer, as on PyTorch's first step.
 */
record Trace(double beta, boolean nesterov) implements Transform {
    static final String SLOT = "momentum";

    @Override
    public void update(List<Param> params, Slots slots, long step) {
        float b = (float) beta;
        for (Param param : params) {
            float[] u = param.grad();
            float[] buf = slots.get(param, SLOT);
            for (int i = 0; i < u.length; i++) {
                float next = b * buf[i] + u[i];
                buf[i] = next;
                u[i] = nesterov ? u[i] + b * next : next;
            }
        }
    }

    @Override
    public List<String> slotNames() {
        return List.of(SLOT);
    }

    @Override
    public Map<String, SlotRole> slotRoles() {
        return Map.of(SLOT, SlotRole.FIRST_MOMENT);
    }

    @Override
    public Optional<MomentRule> momentRule() {
        return Optional.of(MomentRule.heavyBall(beta));
    }
}

package rewire.optim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import rewire.nn.Param;

/**
 * Runs {@code inner} on the parameters that {@code which} selects and leaves the others' updates
 * untouched, for example weight decay on matrices but not on biases and norms (as nanoGPT does).
 * An inner transform that reduces over parameters (global-norm clipping) sees only the selected ones.
 */
record Masked(Predicate<Param> which, Transform inner) implements Transform {

    @Override
    public void update(List<Param> params, Slots slots, long step) {
        inner.update(selected(params), slots, step);
    }

    @Override
    public List<String> slotNames() {
        return inner.slotNames();
    }

    @Override
    public Map<String, SlotRole> slotRoles() {
        return inner.slotRoles();
    }

    @Override
    public Optional<MomentRule> momentRule() {
        return inner.momentRule();
    }

    @Override
    public void init(List<Param> params, Slots slots) {
        inner.init(selected(params), slots);
    }

    private List<Param> selected(List<Param> params) {
        return params.stream().filter(which).toList();
    }
}

package rewire.optim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import rewire.nn.Param;

/**
 * Transforms applied one after the other, each on the update the previous one left. Slot names
 * must be distinct across the stages, so that two stages never share state by accident.
 */
record Chain(List<Transform> stages) implements Transform {

    Chain {
        stages = List.copyOf(stages);
        Set<String> seen = new HashSet<>();
        for (Transform stage : stages) {
            for (String name : stage.slotNames()) {
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("two stages of the chain use the slot '" + name
                            + "': " + stages);
                }
            }
        }
    }

    @Override
    public void update(List<Param> params, Slots slots, long step) {
        for (Transform stage : stages) {
            stage.update(params, slots, step);
        }
    }

    @Override
    public List<String> slotNames() {
        List<String> names = new ArrayList<>();
        for (Transform stage : stages) {
            names.addAll(stage.slotNames());
        }
        return List.copyOf(names);
    }

    @Override
    public void init(List<Param> params, Slots slots) {
        for (Transform stage : stages) {
            stage.init(params, slots);
        }
    }
}

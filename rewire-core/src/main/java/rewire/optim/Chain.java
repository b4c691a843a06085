package rewire.optim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rewire.nn.Param;

/**
 * Transforms applied one after the other, each on the update the previous one left. Slot names
 * must be distinct across the stages, so that two stages never share state by accident. When two
 * stages keep a slot of the same {@link SlotRole} (momentum before Adam), the later stage holds the
 * role: its state is the one the update leaves by.
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

    /** The rule of the last stage that keeps moments: the stage whose slots hold the roles ({@link #slotRoles}). */
    @Override
    public Optional<MomentRule> momentRule() {
        Optional<MomentRule> rule = Optional.empty();
        for (Transform stage : stages) {
            Optional<MomentRule> own = stage.momentRule();
            if (own.isPresent()) {
                rule = own;
            }
        }
        return rule;
    }

    @Override
    public Map<String, SlotRole> slotRoles() {
        Map<SlotRole, String> holders = new EnumMap<>(SlotRole.class);
        for (Transform stage : stages) {
            stage.slotRoles().forEach((name, role) -> holders.put(role, name));
        }
        Map<String, SlotRole> roles = new LinkedHashMap<>();
        holders.forEach((role, name) -> roles.put(name, role));
        return Map.copyOf(roles);
    }

    @Override
    public void init(List<Param> params, Slots slots) {
        for (Transform stage : stages) {
            stage.init(params, slots);
        }
    }
}

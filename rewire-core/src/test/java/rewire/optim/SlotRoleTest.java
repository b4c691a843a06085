package rewire.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rewire.nn.DenseParam;
import rewire.nn.Param;

/** Transforms declare what their slots hold; Slots finds a parameter's moments by role, across a restore. */
class SlotRoleTest {
    private static final DenseParam P = OptimReferenceTest.dense("p", 1f, 2f, 3f);

    @Test
    void momentumAndAdamDeclareTheirMomentsAndChainsKeepThem() {
        assertEquals(Map.of("momentum", SlotRole.FIRST_MOMENT), Optim.trace(0.9, false).slotRoles());
        assertEquals(Map.of("adam.m", SlotRole.FIRST_MOMENT, "adam.v", SlotRole.SECOND_MOMENT),
                Optim.scaleByAdam(0.9, 0.999, 1e-8).slotRoles());
        Transform sgd = Optim.chain(Optim.addWeightDecay(5e-4), Optim.momentum(0.01, 0.9, false));
        assertEquals(Map.of("momentum", SlotRole.FIRST_MOMENT), sgd.slotRoles());
        assertEquals(Map.of(), Optim.sgd(0.1).slotRoles(), "plain SGD keeps no moment");
        assertEquals(Map.of("adam.m", SlotRole.FIRST_MOMENT, "adam.v", SlotRole.SECOND_MOMENT),
                Optim.masked(p -> true, Optim.adam(0.01, 0.9, 0.999, 1e-8)).slotRoles());
    }

    @Test
    void initRegistersRolesSoThatFindReturnsTheLiveSlot() {
        Transform adam = Optim.adam(0.01, 0.9, 0.999, 1e-8);
        Slots slots = new Slots();
        assertTrue(slots.find(P, SlotRole.FIRST_MOMENT).isEmpty(), "nothing registered yet");
        adam.init(List.<Param>of(P), slots);
        assertSame(slots.get(P, "adam.m"), slots.find(P, SlotRole.FIRST_MOMENT).orElseThrow());
        assertSame(slots.get(P, "adam.v"), slots.find(P, SlotRole.SECOND_MOMENT).orElseThrow());
    }

    @Test
    void aSlotRestoredByNameKeepsTheRoleOfItsName() {
        Slots slots = new Slots();
        Optim.momentum(0.01, 0.9, false).init(List.of(), slots);
        float[] saved = {4f, 5f, 6f};
        slots.put(P, "momentum", saved);
        assertSame(saved, slots.find(P, SlotRole.FIRST_MOMENT).orElseThrow());
        assertTrue(slots.find(P, SlotRole.SECOND_MOMENT).isEmpty());
    }

    @Test
    void inAChainTheLaterStageHoldsARole() {
        Transform both = Optim.chain(Optim.trace(0.9, false), Optim.scaleByAdam(0.9, 0.999, 1e-8));
        assertEquals(Map.of("adam.m", SlotRole.FIRST_MOMENT, "adam.v", SlotRole.SECOND_MOMENT), both.slotRoles());
        Slots slots = new Slots();
        both.init(List.<Param>of(P), slots);
        assertSame(slots.get(P, "adam.m"), slots.find(P, SlotRole.FIRST_MOMENT).orElseThrow());
        assertEquals(Map.of(SlotRole.FIRST_MOMENT, "adam.m", SlotRole.SECOND_MOMENT, "adam.v"), slots.roles());
    }

    @Test
    void transformsStateTheRuleOfTheirMomentsAndChainsTheLastStages() {
        assertEquals(Optional.of(MomentRule.heavyBall(0.8)), Optim.momentum(0.01, 0.8, true).momentRule());
        assertEquals(Optional.of(MomentRule.adam(0.9, 0.99)), Optim.adamw(0.01, 0.9, 0.99, 1e-8, 0.1).momentRule());
        assertEquals(Optional.empty(), Optim.sgd(0.1).momentRule(), "plain SGD keeps no moment");
        assertEquals(Optional.of(MomentRule.adam(0.9, 0.999)),
                Optim.chain(Optim.trace(0.9, false), Optim.scaleByAdam(0.9, 0.999, 1e-8)).momentRule());
        assertEquals(Optional.of(MomentRule.heavyBall(0.9)),
                Optim.masked(p -> true, Optim.momentum(0.1, 0.9, false)).momentRule());
        MomentRule adam = MomentRule.adam(0.9, 0.999);
        assertEquals(0.1f, adam.firstGain(), 1e-7f);
        assertTrue(adam.hasSecond());
        assertThrows(IllegalArgumentException.class, () -> MomentRule.heavyBall(1.0));
    }
}

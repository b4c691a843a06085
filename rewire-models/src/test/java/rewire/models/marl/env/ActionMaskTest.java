package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionMaskTest {

    private static boolean[] mask(CombatEnv env, int agent) {
        boolean[] m = new boolean[env.actions()];
        env.availableActions(agent, m);
        return m;
    }

    @Test
    void deadAgentsMayOnlyNoOpAndLivingOnesNever() {
        CombatEnv env = new CombatEnv(Scenes.of(32, 60, List.of("marine@10,10", "marine@10,12"),
                List.of("marine@15,10")), 1);
        assertFalse(mask(env, 0)[CombatEnv.NO_OP]);
        env.battle().allies[1].health = 0;
        boolean[] expected = new boolean[env.actions()];
        expected[CombatEnv.NO_OP] = true;
        assertArrayEquals(expected, mask(env, 1));
        assertThrows(IllegalArgumentException.class, () -> env.step(new int[] {CombatEnv.STOP, CombatEnv.STOP}));
    }

    @Test
    void attacksNeedTheTargetWithinShootingRange() {
        CombatEnv env = new CombatEnv(Scenes.of(32, 60, List.of("marine@10,10"),
                List.of("marine@16,10", "marine@16.01,10")), 1);
        boolean[] m = mask(env, 0);
        assertTrue(m[CombatEnv.FIRST_TARGET], "exactly 6 away");
        assertFalse(m[CombatEnv.FIRST_TARGET + 1], "just beyond 6");
        env.battle().enemies[0].health = 0;
        assertFalse(mask(env, 0)[CombatEnv.FIRST_TARGET], "dead targets cannot be attacked");
    }

    @Test
    void movesAreBlockedAtTheMapEdge() {
        CombatEnv env = new CombatEnv(Scenes.of(32, 60, List.of("marine@0.5,31.5", "marine@31.5,0.5"),
                List.of("marine@16,16")), 1);
        boolean[] corner = mask(env, 0);
        assertFalse(corner[CombatEnv.MOVE_NORTH]);
        assertTrue(corner[CombatEnv.MOVE_SOUTH]);
        assertTrue(corner[CombatEnv.MOVE_EAST]);
        assertFalse(corner[CombatEnv.MOVE_WEST]);
        boolean[] other = mask(env, 1);
        assertTrue(other[CombatEnv.MOVE_NORTH] && other[CombatEnv.MOVE_WEST]);
        assertFalse(other[CombatEnv.MOVE_SOUTH] || other[CombatEnv.MOVE_EAST]);
    }

    @Test
    void medivacsHealBiologicalAlliesAndMaraudersCannotShootAir() {
        CombatEnv env = new CombatEnv(Scenes.of(32, 60,
                List.of("marauder@10,10", "stalker@10,11", "medivac@11,10", "marine@10,9"),
                List.of("medivac@13,10", "marine@14,10")), 1);
        boolean[] medivac = mask(env, 2);
        assertTrue(medivac[CombatEnv.FIRST_TARGET], "heal the marauder");
        assertFalse(medivac[CombatEnv.FIRST_TARGET + 1], "stalkers are mechanical");
        assertFalse(medivac[CombatEnv.FIRST_TARGET + 2], "not itself");
        assertTrue(medivac[CombatEnv.FIRST_TARGET + 3], "heal the marine");
        boolean[] marauder = mask(env, 0);
        assertFalse(marauder[CombatEnv.FIRST_TARGET], "the enemy medivac flies");
        assertTrue(marauder[CombatEnv.FIRST_TARGET + 1]);
        assertTrue(mask(env, 1)[CombatEnv.FIRST_TARGET], "stalkers shoot air");
    }
}

package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationTest {

    @Test
    void sizesMatchSmacForEveryBuiltinScenario() {
        // {observation, state, actions} as SMAC reports them (get_obs_size, get_state_size, get_total_actions).
        java.util.Map<String, int[]> smac = java.util.Map.of("3m", new int[] {30, 48, 9},
                "8m", new int[] {80, 168, 14}, "2s3z", new int[] {80, 120, 11}, "3s5z", new int[] {128, 216, 14},
                "3s_vs_5z", new int[] {48, 68, 11}, "MMM", new int[] {160, 290, 16},
                "5m_vs_6m", new int[] {55, 98, 12}, "MMM2", new int[] {176, 322, 18},
                "27m_vs_30m", new int[] {285, 1170, 36}, "2c_vs_64zg", new int[] {332, 342, 70});
        for (var e : smac.entrySet()) {
            CombatEnv env = CombatEnv.of(e.getKey(), 1);
            int[] ours = {env.observationSize(), env.stateSize(), env.actions()};
            assertArrayEquals(e.getValue(), ours, e.getKey());
        }
    }

    @Test
    void agentsSeeOnlyUnitsWithinSightRange() {
        // Agent 0 at (10,10): enemy 0 at 5 (attackable), enemy 1 at 7.5 (seen, beyond the shooting range 6),
        // enemy 2 at 10 (unseen); ally 1 at 8.5 (seen), ally 2 at 9.5 (unseen).
        CombatEnv env = new CombatEnv(Scenes.of(32, 60, List.of("marine@10,10", "marine@10,18.5", "marine@10,19.5"),
                List.of("marine@15,10", "marine@17.5,10", "marine@20,10")), 1);
        float[] obs = new float[env.observationSize()];
        env.observation(0, obs);
        float s = 9f;
        float[] expected = {
            1, 1, 1, 1,                              // can move north, south, east, west
            1, 5 / s, 5 / s, 0, 1,                   // enemy 0: attackable, distance, dx, dy, health
            0, 7.5f / s, 7.5f / s, 0, 1,             // enemy 1: visible, not attackable
            0, 0, 0, 0, 0,                           // enemy 2: beyond sight
            1, 8.5f / s, 0, 8.5f / s, 1,             // ally 1: visible
            0, 0, 0, 0, 0,                           // ally 2: beyond sight
            1                                        // own health
        };
        assertArrayEquals(expected, obs, 1e-6f);
    }

    @Test
    void deadAgentsObserveZerosAndStateHoldsLastActions() {
        CombatEnv env = new CombatEnv(Scenes.of(32, 60, List.of("marine@10,10", "marine@10,12"),
                List.of("marine@15,10")), 1);
        env.battle().allies[1].health = 0;
        float[] obs = new float[env.observationSize()];
        env.observation(1, obs);
        assertEquals(0, sum(obs));
        env.step(new int[] {CombatEnv.FIRST_TARGET, CombatEnv.NO_OP});
        float[] state = new float[env.stateSize()];
        env.state(state);
        int lastActions = 2 * 4 + 3;
        assertEquals(1f, state[lastActions + CombatEnv.FIRST_TARGET]);
        assertEquals(1f, state[lastActions + env.actions() + CombatEnv.NO_OP]);
        assertEquals(2f, sum(Arrays.copyOfRange(state, lastActions, state.length)));
        assertEquals((10 - 16) / 32f, state[2], 0.2f, "ally 0's x relative to the centre, over the width");
    }

    @Test
    void typeAndShieldFeaturesAppearOnMixedScenarios() {
        CombatEnv env = CombatEnv.of("2s3z", 3);
        float[] obs = new float[env.observationSize()];
        env.observation(0, obs);
        // Own features: health, shield, one-hot type (stalker = type 0).
        float[] own = Arrays.copyOfRange(obs, obs.length - 4, obs.length);
        assertArrayEquals(new float[] {1, 1, 1, 0}, own);
        env.observation(4, obs);
        assertArrayEquals(new float[] {1, 1, 0, 1}, Arrays.copyOfRange(obs, obs.length - 4, obs.length), "zealot");
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}

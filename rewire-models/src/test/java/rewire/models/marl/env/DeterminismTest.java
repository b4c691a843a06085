package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.tensor.RandomCases;
import rewire.tensor.Rng;

class DeterminismTest {

    /** Every observation, state, mask and reward bit of {@code episodes} random-policy episodes. */
    private static List<Integer> trace(String scenario, long envSeed, long policySeed, int episodes) {
        CombatEnv env = CombatEnv.of(scenario, envSeed);
        Rng policy = new Rng(policySeed);
        List<Integer> bits = new ArrayList<>();
        float[] obs = new float[env.observationSize()];
        float[] state = new float[env.stateSize()];
        boolean[] mask = new boolean[env.actions()];
        int[] actions = new int[env.agents()];
        for (int e = 0; e < episodes; e++) {
            env.reset();
            MultiAgentEnv.Transition t;
            do {
                env.state(state);
                for (float v : state) {
                    bits.add(Float.floatToRawIntBits(v));
                }
                for (int a = 0; a < env.agents(); a++) {
                    env.observation(a, obs);
                    for (float v : obs) {
                        bits.add(Float.floatToRawIntBits(v));
                    }
                    env.availableActions(a, mask);
                    actions[a] = RandomPolicy.pick(mask, policy);
                }
                t = env.step(actions);
                bits.add(Float.floatToRawIntBits(t.reward()));
                bits.add(t.outcome().ordinal());
            } while (!t.done());
        }
        return bits;
    }

    @Test
    void sameSeedAndActionsGiveTheSameBits() {
        RandomCases.forEachSeed(11, 4, rng -> {
            String scenario = Scenario.BUILTIN.get(rng.nextInt(Scenario.BUILTIN.size()));
            long envSeed = rng.nextLong();
            long policySeed = rng.nextLong();
            List<Integer> first = trace(scenario, envSeed, policySeed, 2);
            List<Integer> second = trace(scenario, envSeed, policySeed, 2);
            assertEquals(first, second, scenario);
        });
    }

    @Test
    void theSeedMovesTheStartPositions() {
        float[] a = new float[CombatEnv.of("3m", 1).stateSize()];
        float[] b = a.clone();
        CombatEnv.of("3m", 1).state(a);
        CombatEnv.of("3m", 2).state(b);
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        float[] c = a.clone();
        CombatEnv.of("3m", 1).state(c);
        assertArrayEquals(a, c);
    }
}

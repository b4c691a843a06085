package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class RandomPolicyTest {

    @Test
    void randomBaselineIsReproducibleAndWithinBounds() {
        Rollouts.Result a = RandomPolicy.evaluate(CombatEnv.of("3m", 3), 20, new Rng(4));
        Rollouts.Result b = RandomPolicy.evaluate(CombatEnv.of("3m", 3), 20, new Rng(4));
        assertEquals(a, b);
        assertTrue(a.winRate() >= 0 && a.winRate() <= 1);
        assertTrue(a.meanReturn() > 0 && a.meanReturn() <= 20, "return " + a.meanReturn());
        assertTrue(a.meanSteps() >= 1 && a.meanSteps() <= 60);
    }

    @Test
    void pickOnlyReturnsAllowedActions() {
        boolean[] mask = {false, true, false, true};
        Rng rng = new Rng(9);
        int[] counts = new int[4];
        for (int i = 0; i < 1000; i++) {
            counts[RandomPolicy.pick(mask, rng)]++;
        }
        assertEquals(0, counts[0] + counts[2]);
        assertTrue(counts[1] > 400 && counts[3] > 400);
    }

    @Test
    void renderDrawsBothTeams() {
        CombatEnv env = CombatEnv.of("MMM", 1);
        String frame = env.render();
        assertTrue(frame.startsWith("MMM  step 0\n"));
        assertTrue(frame.contains("V") && frame.contains("v") && frame.contains("M"), frame);
        assertEquals(1 + 32 + 20, frame.lines().count());
        assertEquals(20, env.units().size());
    }
}

package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

/** The baselines beside which learners are judged play whole episodes and report sane rates. */
class EnvThroughputTest {

    @Test
    void focusFireBeatsRandomOn3m() {
        Rollouts.Result focus = FocusFirePolicy.evaluate(CombatEnv.of("3m", 1), 20);
        Rollouts.Result random = RandomPolicy.evaluate(CombatEnv.of("3m", 1), 20, new Rng(3));
        assertTrue(focus.winRate() >= 0 && focus.winRate() <= 1);
        assertTrue(focus.meanReturn() > random.meanReturn(), focus.meanReturn() + " vs random " + random.meanReturn());
    }
}

package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RewardTest {

    @Test
    void winningCleanlyReturnsTheScaleRate() {
        Scenario s = Scenes.of(32, 60, List.of("marine@10,10"), List.of("zergling@20,10"));
        SmacReward r = SmacReward.defaults();
        double max = r.maxReward(s);
        assertEquals(200 + 10 + 35, max);
        double half = r.step(new double[] {45, 35}, new double[] {45, 15}, 1, MultiAgentEnv.Outcome.RUNNING, max);
        double rest = r.step(new double[] {45, 15}, new double[] {45, 0}, 1, MultiAgentEnv.Outcome.WON, max);
        assertEquals(20 * 20 / 245.0, half, 1e-12);
        assertEquals(20, half + rest, 1e-12);
    }

    @Test
    void onlyPositiveIgnoresOwnLossesOtherwiseTheyCostHalf() {
        SmacReward positive = SmacReward.defaults();
        SmacReward signed = new SmacReward(false, 10, 200, 0, 0.5, 20);
        double[] before = {45, 45, 35};
        double[] after = {0, 40, 29};
        assertEquals(6 / 12.25, positive.step(before, after, 2, MultiAgentEnv.Outcome.RUNNING, 245), 1e-12);
        // 6 dealt - 0.5 x (45 + 5) lost - 0.5 x 10 for the death
        assertEquals((6 - 25 - 5) / 12.25, signed.step(before, after, 2, MultiAgentEnv.Outcome.RUNNING, 245), 1e-12);
        // Enemy regeneration gives a positive reward under onlyPositive, as SMAC's abs() does.
        assertEquals(2 / 12.25, positive.step(new double[] {45, 20}, new double[] {45, 22}, 1,
                MultiAgentEnv.Outcome.RUNNING, 245), 1e-12);
    }

    @Test
    void episodesWonInTheSimulatorSumToTwenty() {
        for (Scenario s : List.of(
                Scenes.of(32, 60, List.of("marauder@10,10", "marauder@10,11", "marauder@10,12"),
                        List.of("zergling@14,10", "zergling@14,12")),
                Scenes.of(32, 60, List.of("stalker@10,10", "stalker@10,11", "stalker@10,12", "stalker@10,13"),
                        List.of("zealot@15,11")))) {
            CombatEnv env = new CombatEnv(s, 5);
            double total = Scenes.play(env, Scenes::attackFirst);
            assertEquals(MultiAgentEnv.Outcome.WON, env.outcome());
            assertEquals(s.enemies().size(), env.deadEnemies());
            assertEquals(20, total, 1e-4);
        }
    }
}

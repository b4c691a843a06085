package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints the simulator's speed and baselines for every built-in scenario (no time is asserted). */
@Tag("slow")
class EnvThroughputTest {

    @Test
    void printsStepsPerSecondAndBaselines() {
        EnvBenchmark.main(new String[] {"100"});
        Rollouts.Result heuristic = EnvBenchmark.heuristic(CombatEnv.of("3m", 1), 20);
        assertTrue(heuristic.winRate() >= 0 && heuristic.winRate() <= 1);
    }
}

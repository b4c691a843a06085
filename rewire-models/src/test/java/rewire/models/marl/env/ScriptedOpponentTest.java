package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class ScriptedOpponentTest {

    @Test
    void opponentBeatsATeamThatNeverFightsOn3m() {
        // Agents that only walk (north/south in turn) never fire, so the attack-moving opponent wins every time.
        for (long seed = 0; seed < 5; seed++) {
            CombatEnv env = CombatEnv.of("3m", seed);
            int[] step = {0};
            Scenes.play(env, (agent, mask) -> {
                if (!mask[CombatEnv.STOP]) {
                    return CombatEnv.NO_OP;
                }
                int move = (step[0]++ / env.agents()) % 2 == 0 ? CombatEnv.MOVE_NORTH : CombatEnv.MOVE_SOUTH;
                return mask[move] ? move : CombatEnv.STOP;
            });
            assertEquals(MultiAgentEnv.Outcome.LOST, env.outcome(), "seed " + seed);
            assertTrue(env.steps() < env.episodeLimit());
        }
    }

    @Test
    void opponentBeatsATeamThatOnlyStopsOn3m() {
        // Living units cannot no-op; "stop" is the passive choice: they stand and return fire in range.
        for (long seed = 0; seed < 10; seed++) {
            CombatEnv env = CombatEnv.of("3m", seed);
            Scenes.play(env, (agent, mask) -> mask[CombatEnv.STOP] ? CombatEnv.STOP : CombatEnv.NO_OP);
            assertEquals(MultiAgentEnv.Outcome.LOST, env.outcome(), "seed " + seed);
        }
    }

    @Test
    void simpleMicroBeatsTheOpponentOn3mButRandomPlayDoesNot() {
        // The opponent must be beatable for learning to mean anything: focus fire plus pulling back hurt units wins often.
        Rollouts.Result heuristic = FocusFirePolicy.evaluate(CombatEnv.of("3m", 8), 30);
        assertTrue(heuristic.winRate() >= 0.4, "heuristic win rate " + heuristic.winRate());
        Rollouts.Result random = RandomPolicy.evaluate(CombatEnv.of("3m", 8), 30, new Rng(8));
        assertTrue(random.winRate() <= 0.1, "random win rate " + random.winRate());
        assertTrue(heuristic.meanReturn() > random.meanReturn() + 5);
    }

    @Test
    void enemiesAttackMoveTowardTheAgentsAndShootTheNearest() {
        Battle b = new Battle(Scenes.of(32, 60, List.of("marine@5,10", "marine@5,20"), List.of("marine@25,11")),
                new Rng(1));
        Unit enemy = b.enemies[0];
        b.advance(8);
        assertEquals(25 - 8 * 3.15 / 22.4, enemy.x, 0.05, "walks at marine speed toward the nearest agent");
        while (b.allies[0].health == 45 && b.allies[1].health == 45 && b.loop() < 400) {
            b.advance(1);
        }
        assertTrue(b.allies[0].health < 45 && b.allies[1].health == 45, "fires at the nearer agent");
    }
}

package rewire.models.marl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.models.marl.env.MultiAgentEnv;
import rewire.tensor.Tensor;

/** Episodes padded into a batch: layouts, masks, terminal versus timeout, agent inputs, bootstrap values. */
class EpisodeBatchTest {

    // plays fixed actions: agent i always picks i (mod 3); the game is won after `wins` hits or times out
    private static Episode play(int agents, int limit, int wins, long seed) {
        CoordinationGame env = new CoordinationGame(agents, limit, wins, seed);
        env.reset();
        Episode.Recorder rec = new Episode.Recorder(Episode.Dims.of(env), 2);
        rec.observe(env);
        int[] actions = new int[agents];
        for (int i = 0; i < agents; i++) {
            actions[i] = i % CoordinationGame.CHOICES;
        }
        MultiAgentEnv.Transition t;
        do {
            t = env.step(actions);
            rec.step(actions, t);
            rec.observe(env);
        } while (!t.done());
        return rec.finish();
    }

    @Test
    void shorterEpisodesArePaddedAndMasked() {
        Episode timeout = play(2, 3, 99, 1);     // 3 steps, times out
        Episode longer = play(2, 5, 99, 2);      // 5 steps, times out
        assertEquals(3, timeout.length());
        assertFalse(timeout.terminal());
        EpisodeBatch b = new EpisodeBatch(List.of(timeout, longer));
        assertEquals(5, b.steps());
        // per-sample index t·B + b
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 0, 1, 0, 1}, b.mask());
        assertArrayEquals(new float[10], b.terminated(), "timeouts are not terminal");
        assertEquals((5 + 1) * 2 * 2, b.agentInputs().cols());
        assertEquals((5 + 1) * 2, b.states().cols());
        // padded decision points allow only action 0; real ones follow the environment (action 3 never)
        int paddedColumn = (4 * 2 + 0) * 2 + 1;  // t = 4, episode 0, agent 1
        assertTrue(b.available(paddedColumn, 0) && !b.available(paddedColumn, 1));
        int realColumn = (1 * 2 + 1) * 2 + 0;    // t = 1, episode 1, agent 0
        assertTrue(b.available(realColumn, 2) && !b.available(realColumn, 3));
    }

    @Test
    void aWinIsTerminalAtItsLastStep() {
        Episode won = play(1, 50, 1, 4);  // one agent picks 0 every step: wins on the first hit
        assertTrue(won.terminal() && won.won());
        EpisodeBatch b = new EpisodeBatch(List.of(won));
        float[] term = b.terminated();
        for (int t = 0; t < won.length(); t++) {
            assertEquals(t == won.length() - 1 ? 1f : 0f, term[t], "step " + t);
        }
    }

    @Test
    void agentInputsCarryObservationIdAndLastAction() {
        Episode e = play(3, 4, 99, 3);
        EpisodeBatch b = new EpisodeBatch(List.of(e));
        Tensor x = b.agentInputs();
        int o = e.dims().observationSize();
        for (int t = 0; t <= e.length(); t++) {
            for (int i = 0; i < 3; i++) {
                int col = t * 3 + i;
                for (int f = 0; f < o; f++) {
                    assertEquals(e.observation(t, i, f), x.get(f, col));
                }
                for (int k = 0; k < 3; k++) {
                    assertEquals(k == i ? 1f : 0f, x.get(o + k, col), "id of agent " + i);
                }
                for (int a = 0; a < e.dims().actions(); a++) {
                    boolean last = t > 0 && e.action(t - 1, i) == a;
                    assertEquals(last ? 1f : 0f, x.get(o + 3 + a, col), "last action of agent " + i + " at " + t);
                }
            }
        }
    }

    @Test
    void bootstrapOperatorsRespectAvailability() {
        Episode e = play(1, 1, 99, 5);
        EpisodeBatch b = new EpisodeBatch(List.of(e));  // T = 1: two decision points, one column each
        // target utilities (A = 4, 2 columns): action 3 is never available and carries the largest value
        Tensor target = Tensor.of(new float[] {1, 1, 4, 2, 2, 3, 9, 9}, 4, 2);
        Tensor online = Tensor.of(new float[] {0, 0, 0, 5, 7, 0, 9, 9}, 4, 2);
        Tensor max = BootstrapOperator.MAX.values(target, online, b, null);
        assertArrayEquals(new float[] {4, 3}, max.data());
        Tensor dq = BootstrapOperator.DOUBLE_Q.values(target, online, b, null);
        assertArrayEquals(new float[] {2, 2}, dq.data());  // online picks action 2 at t = 0 and action 1 at t = 1
        Tensor sm = BootstrapOperator.SOFT_MELLOWMAX.values(target, online, b, new SoftMellowmax(10, 1));
        assertEquals(new SoftMellowmax(10, 1).of(1, 4, 2), sm.data()[0], 1e-5);
    }
}

package rewire.models.rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

/** Gymnasium's episode rules around every task: time limits, checked actions, seeding, exact snapshots. */
class ControlEnvTest {

    @Test
    void theTimeLimitTruncatesAtEachTasksEpisodeLength() {
        for (Task task : EnumSet.of(Task.PENDULUM, Task.REACHER, Task.MOUNTAIN_CAR_CONTINUOUS)) {
            ControlEnv env = task.create(1);
            float[] obs = new float[env.observationSize()];
            env.reset(obs);
            float[] zero = new float[env.actions().dims()];
            ControlEnv.Outcome o;
            int steps = 0;
            do {
                o = env.step(zero, obs);
                steps++;
            } while (!o.done());
            assertEquals(env.dynamics().episodeLimit(), steps, task + " ends at its limit");
            assertTrue(o.truncated() && !o.terminated(), task + " is truncated, not terminated");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(zero, obs));
            assertTrue(e.getMessage().contains("call reset()"), e.getMessage());
        }
    }

    @Test
    void aTerminalStepIsNotTruncatedBeforeTheLimit() {
        ControlEnv env = Task.CARTPOLE.create(2);
        float[] obs = new float[4];
        env.reset(obs);
        ControlEnv.Outcome o;
        int steps = 0;
        do {
            o = env.step(new float[] {1}, obs);   // always right: the pole falls within a few dozen steps
            steps++;
        } while (!o.done());
        assertTrue(o.terminated() && !o.truncated() && steps < 100, steps + " steps, " + o);
        assertEquals(1.0, o.reward());
    }

    @Test
    void actionsOutsideTheSpaceAreRejectedWithTheEnvironmentsName() {
        ControlEnv cartPole = Task.CARTPOLE.create(3);
        float[] obs = new float[4];
        cartPole.reset(obs);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cartPole.step(new float[] {2}, obs));
        assertEquals("CartPole-v1: action [2.0] is not one index in 0..1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cartPole.step(new float[] {0.5f}, obs));
        ControlEnv reacher = Task.REACHER.create(3);
        reacher.reset(new float[10]);
        e = assertThrows(IllegalArgumentException.class, () -> reacher.step(new float[] {0}, new float[10]));
        assertTrue(e.getMessage().contains("has 1 values, the box has 2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Task.ACROBOT.create(1).step(new float[] {0}, new float[6]));
    }

    private static List<float[]> play(ControlEnv env, int steps, long policySeed) {
        Rng rng = new Rng(policySeed);
        float[] obs = new float[env.observationSize()];
        float[] action = new float[env.actions().dims()];
        List<float[]> seen = new ArrayList<>();
        env.reset(obs);
        for (int t = 0; t < steps; t++) {
            env.actions().sample(rng, action);
            if (env.step(action, obs).done()) {
                env.reset(obs);
            }
            seen.add(obs.clone());
        }
        return seen;
    }

    @Test
    void aSeedFixesEveryEpisodeAndASnapshotContinuesBitForBit() {
        for (Task task : Task.values()) {
            List<float[]> a = play(task.create(7), 600, 1);
            List<float[]> b = play(task.create(7), 600, 1);
            for (int t = 0; t < a.size(); t++) {
                assertArrayEquals(a.get(t), b.get(t), task + " step " + t);
            }
            List<float[]> other = play(task.create(8), 1, 1);
            assertFalse(java.util.Arrays.equals(a.get(0), other.get(0)), task + ": another seed, another start");

            ControlEnv original = task.create(5);
            float[] obs = new float[original.observationSize()];
            original.reset(obs);
            original.step(new float[original.actions().dims()], obs);
            ControlEnv copy = task.create(99);
            copy.restore(ControlEnv.Snapshot.decode(original.snapshot().encode()));
            assertArrayEquals(play(original, 300, 4).get(299), play(copy, 300, 4).get(299), task + " after restore");
        }
    }

    @Test
    void randomActionsStayInsideTheirSpaces() {
        Rng rng = new Rng(1);
        ActionSpace.Box box = new ActionSpace.Box(new float[] {-2, 0}, new float[] {2, 1});
        float[] a = new float[2];
        for (int k = 0; k < 1000; k++) {
            box.sample(rng, a);
            assertTrue(a[0] >= -2 && a[0] < 2 && a[1] >= 0 && a[1] < 1);
        }
        assertEquals(-2f, box.fromUnit(0, -1f));
        assertEquals(1f, box.fromUnit(1, 1f));
        ActionSpace.Discrete three = new ActionSpace.Discrete(3);
        int[] counts = new int[3];
        for (int k = 0; k < 3000; k++) {
            three.sample(rng, a);
            counts[three.index(a)]++;
        }
        for (int c : counts) {
            assertTrue(c > 900 && c < 1100, java.util.Arrays.toString(counts));
        }
    }
}

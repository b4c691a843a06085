package rewire.models.rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Copies stepped together, reset in the step their episode ends, seeded apart, saved and restored exactly. */
class VectorEnvTest {

    @Test
    void aFinishedCopyIsResetInTheSameStepAndKeepsItsFinalObservation() {
        VectorEnv envs = new VectorEnv(Task.PENDULUM, 3, 4);
        envs.reset();
        float[][] actions = new float[3][1];
        for (int t = 1; t <= 200; t++) {
            envs.step(actions);
            if (t < 200) {
                assertTrue(envs.finished().isEmpty());
                assertArrayEquals(envs.finalObservation(0), envs.observations()[0]);
            }
        }
        assertEquals(3, envs.finished().size(), "every copy's episode ends at step 200");
        for (int i = 0; i < 3; i++) {
            assertTrue(envs.outcome(i).truncated());
            assertFalse(Arrays.equals(envs.finalObservation(i), envs.observations()[i]), "a new episode started");
            assertEquals(0, envs.env(i).elapsed());
        }
        assertEquals(200, envs.finished().get(0).length());
        assertEquals(600, envs.steps());
        assertFalse(Arrays.equals(envs.observations()[0], envs.observations()[1]), "copies are seeded apart");
    }

    @Test
    void anEncodedVectorContinuesExactly() {
        VectorEnv a = new VectorEnv(Task.CARTPOLE, 2, 9);
        a.reset();
        float[][] right = {{1}, {0}};
        for (int t = 0; t < 17; t++) {
            a.step(right);
        }
        VectorEnv b = new VectorEnv(Task.CARTPOLE, 2, 1);
        b.decode(a.encode());
        for (int t = 0; t < 60; t++) {
            a.step(right);
            b.step(right);
            assertArrayEquals(a.observations()[0], b.observations()[0], "step " + t);
            assertArrayEquals(a.observations()[1], b.observations()[1], "step " + t);
            assertEquals(a.finished(), b.finished());
        }
        assertEquals(a.steps(), b.steps());
    }
}

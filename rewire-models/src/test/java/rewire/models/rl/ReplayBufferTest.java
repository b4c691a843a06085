package rewire.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rewire.io.Checkpoint;
import rewire.tensor.Rng;

/** Transitions in, oldest out once full, sampled feature-major, saved and restored exactly. */
class ReplayBufferTest {

    private static void add(ReplayBuffer buffer, int k) {
        buffer.add(new float[] {k, -k}, new float[] {k % 3}, 10 * k, new float[] {k + 1, -k - 1}, k % 4 == 0);
    }

    @Test
    void aFullBufferDropsItsOldestAndBatchesAreFeatureMajor() {
        ReplayBuffer buffer = new ReplayBuffer(5, 2, 1);
        for (int k = 0; k < 8; k++) {
            add(buffer, k);
        }
        assertEquals(5, buffer.size());
        ReplayBuffer.Batch batch = buffer.sample(200, new Rng(1));
        Set<Integer> seen = new HashSet<>();
        for (int b = 0; b < 200; b++) {
            int k = (int) batch.observations().get(0, b);
            seen.add(k);
            assertEquals(-k, batch.observations().get(1, b));
            assertEquals(k % 3, batch.actions().get(0, b));
            assertEquals(10 * k, batch.rewards()[b]);
            assertEquals(k + 1, batch.nextObservations().get(0, b));
            assertEquals(k % 4 == 0 ? 0f : 1f, batch.notDone()[b], "terminal transitions do not bootstrap");
        }
        assertEquals(Set.of(3, 4, 5, 6, 7), seen, "the three oldest are gone, the rest all drawn");
        assertThrows(IllegalStateException.class, () -> new ReplayBuffer(3, 2, 1).sample(1, new Rng(1)));
    }

    @Test
    void aRestoredBufferSamplesTheSameBatches() {
        ReplayBuffer buffer = new ReplayBuffer(6, 2, 1);
        for (int k = 0; k < 9; k++) {
            add(buffer, k);
        }
        Checkpoint.Builder c = Checkpoint.builder();
        buffer.save(c, "replay/");
        ReplayBuffer copy = new ReplayBuffer(6, 2, 1);
        copy.restore(c.build(), "replay/");
        add(buffer, 20);
        add(copy, 20);
        ReplayBuffer.Batch a = buffer.sample(30, new Rng(3));
        ReplayBuffer.Batch b = copy.sample(30, new Rng(3));
        assertArrayEquals(a.observations().data(), b.observations().data());
        assertArrayEquals(a.rewards(), b.rewards());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReplayBuffer(7, 2, 1).restore(c.build(), "replay/"));
        assertTrue(e.getMessage().contains("holds a buffer of 6 transitions, this one has room for 7"), e.getMessage());
    }
}

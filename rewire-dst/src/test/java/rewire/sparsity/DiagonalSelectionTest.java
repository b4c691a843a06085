package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.sparsity.DiagonalSelection.Anneal;

/** DynaDiag's schedule: the temperature curves of F.2 by epoch and the freeze step. */
class DiagonalSelectionTest {

    private static DiagonalSelection selection(Anneal anneal) {
        // 11 epochs of 10 steps, freeze at step 30
        return new DiagonalSelection(0.1, 5.0, 0.05, anneal, 30, 10, 11, true);
    }

    @Test
    void everyCurveRunsFromTauMaxInTheFirstEpochToTauMinInTheLast() {
        for (Anneal a : Anneal.values()) {
            DiagonalSelection s = selection(a);
            assertEquals(5.0, s.temperature(0), 1e-12, a + " first step");
            assertEquals(5.0, s.temperature(9), 1e-12, a + ": constant within the first epoch");
            assertEquals(0.05, s.temperature(100), 1e-12, a + " last epoch");
            assertEquals(0.05, s.temperature(10_000), 1e-12, a + " after the run");
            for (long step = 10; step < 110; step += 10) {
                assertTrue(s.temperature(step) < s.temperature(step - 10), a + " falls at step " + step);
            }
        }
        // halfway (epoch 5 of 0..10): cosine and linear meet at the mean, exponential at the geometric mean
        assertEquals(2.525, selection(Anneal.COSINE).temperature(50), 1e-12);
        assertEquals(2.525, selection(Anneal.LINEAR).temperature(50), 1e-12);
        assertEquals(0.5, selection(Anneal.EXPONENTIAL).temperature(50), 1e-12);
    }

    @Test
    void theLayersFreezeAtTheFreezeStep() {
        DiagonalSelection s = selection(Anneal.COSINE);
        assertFalse(s.frozenAt(29));
        assertTrue(s.frozenAt(30));
        assertEquals(100, s.budget(1000, 1000), "K = ceil(0.1 * 1000 * 1000 / 1000)");
        assertEquals(100, s.budget(10, 1000), "K = ceil(0.1 * 10 * 1000 / 10)");
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> new DiagonalSelection(0.1, 0.01, 0.05, Anneal.COSINE, 3, 1, 1,
                true), "tauMin above tauMax");
        assertThrows(IllegalArgumentException.class, () -> new DiagonalSelection(0.1, 5, 0, Anneal.COSINE, 3, 1, 1,
                true), "tauMin of zero");
        assertThrows(IllegalArgumentException.class, () -> new DiagonalSelection(0.1, 5, 1, Anneal.COSINE, 0, 1, 1,
                true), "freeze at step 0");
    }
}

package rewire.models.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The balance ratio of METHODS.md D.1 and the tests of D.5 that concern it. */
class BalanceRatioTest {

    /** D.5: before -1, after 0, real 1 gives BR = 0.5. */
    @Test
    void theFormulaOnSyntheticScalars() {
        assertEquals(0.5, BalanceRatio.ratio(-1, 0, 1));
        assertEquals(1.0, BalanceRatio.ratio(-2, 3, 3), "the fakes moved all the way to the reals");
        assertEquals(0.0, BalanceRatio.ratio(0.4, 0.4, 2), "the generator's update changed nothing");
        assertEquals(-0.25, BalanceRatio.ratio(0, -0.5, 2), "it moved the fakes away");
    }

    /** D.5: the queue length is bounded at da_iters / br_freq, and the ratio is the mean of what it holds. */
    @Test
    void theQueueIsBoundedAndTheRatioIsItsMean() {
        BalanceRatio br = new BalanceRatio(4);
        assertTrue(Double.isNaN(br.mean()));
        for (int i = 1; i <= 10; i++) {
            br.record(0, i, 10);                // ratio i / 10
            assertTrue(br.size() <= 4, "queue of " + br.size());
        }
        assertEquals(4, br.size());
        assertEquals((0.7 + 0.8 + 0.9 + 1.0) / 4, br.mean(), 1e-12, "the last four");
    }

    @Test
    void theControlReadsNothingUntilTheQueueIsFull() {
        BalanceRatio br = new BalanceRatio(3);
        br.record(-1, 0, 1);
        br.record(-1, 0, 1);
        assertTrue(Double.isNaN(br.value()));
        assertEquals(0.5, br.mean());
        br.record(-1, 0, 1);
        assertEquals(0.5, br.value());
    }

    @Test
    void aMeasurementWithoutARatioIsNotQueued() {
        BalanceRatio br = new BalanceRatio(3);
        assertTrue(Double.isInfinite(br.record(1, 2, 1)));
        assertTrue(Double.isNaN(br.record(1, 1, 1)));
        assertEquals(0, br.size());
    }

    @Test
    void theQueueSurvivesACheckpointExactly() {
        BalanceRatio br = new BalanceRatio(5);
        br.record(0.1, 0.3, 0.7);
        br.record(-0.3, 0.2, 0.9);
        BalanceRatio back = new BalanceRatio(5);
        back.decode(br.encode());
        assertEquals(br.encode(), back.encode());
        assertEquals(br.mean(), back.mean());
        BalanceRatio small = new BalanceRatio(1);
        assertThrows(IllegalArgumentException.class, () -> small.decode(br.encode()));
        BalanceRatio empty = new BalanceRatio(2);
        empty.decode(new BalanceRatio(2).encode());
        assertEquals(0, empty.size());
    }
}

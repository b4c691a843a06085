package rewire.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OldGenerationGuardTest {
    private static final long MB = 1L << 20;

    @Test
    void collectsOnceTheOldGenerationHoldsTwiceWhatWasLiveAndTheHeadroom() {
        // 110 MB live after the last full collection: collect above 220 MB
        assertFalse(OldGenerationGuard.shouldCollect(220 * MB, 110 * MB));
        assertTrue(OldGenerationGuard.shouldCollect(220 * MB + 1, 110 * MB));
        // little live: the headroom decides (10 MB live: collect above 42 MB)
        assertFalse(OldGenerationGuard.shouldCollect(42 * MB, 10 * MB));
        assertTrue(OldGenerationGuard.shouldCollect(42 * MB + 1, 10 * MB));
        // before the first full collection, anything past the headroom
        assertTrue(OldGenerationGuard.shouldCollect(33 * MB, 0));
    }
}

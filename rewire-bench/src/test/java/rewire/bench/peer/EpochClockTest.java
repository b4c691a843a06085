package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.bench.peer.EpochClock.Epoch;

class EpochClockTest {

    @Test
    void medianOfTheTimedEpochs() {
        assertEquals(2.0, EpochClock.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(1.5, EpochClock.median(List.of(2.0, 1.0)));
    }

    @Test
    void warmUpEpochsAreLeftOutAndRewiringIsTakenOutOfTheTrainingTime() {
        // epoch 1 compiles (slow), 2 too; 3 and 4 rewire 5 and 3 times at 0.02 s each; 5 does not rewire
        List<Epoch> epochs = List.of(new Epoch(3.0, 0.5, 5), new Epoch(2.0, 0.2, 5), new Epoch(1.1, 0.1, 5),
                new Epoch(1.06, 0.06, 3), new Epoch(0.98, 0, 0));
        EpochClock.SteadyState s = EpochClock.steadyState(epochs, 2);
        assertEquals(1.0, s.epochSeconds(), 1e-12, "median of 1.0, 1.0 and 0.98 s of training steps");
        // 18 updates in 5 epochs, at 0.16 s / 8 updates each in the timed epochs
        assertEquals(0.02 * 18 / 5, s.rewireSeconds(), 1e-12);
    }

    @Test
    void withoutUpdatesInTheTimedEpochsTheirMeanComesFromAllEpochs() {
        List<Epoch> epochs = List.of(new Epoch(2.0, 0.4, 2), new Epoch(1.0, 0, 0), new Epoch(1.0, 0, 0));
        assertEquals(0.4 / 3, EpochClock.steadyState(epochs, 1).rewireSeconds(), 1e-12);
        assertEquals(0, EpochClock.steadyState(List.of(new Epoch(2, 0, 0), new Epoch(1, 0, 0)), 1).rewireSeconds());
    }

    @Test
    void needsAnEpochAfterTheWarmUp() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EpochClock.steadyState(List.of(new Epoch(1, 0, 0), new Epoch(1, 0, 0)), 2));
        assertEquals("2 epochs timed, need more than the 2 warm-up", e.getMessage());
    }
}

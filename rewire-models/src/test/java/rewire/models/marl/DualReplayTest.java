package rewire.models.marl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.models.marl.env.MultiAgentEnv;
import rewire.tensor.Rng;

/** The dual replay buffer: the faithfulness checks of METHODS.md A.6. */
class DualReplayTest {

    // distinct one-step episodes, told apart by their reward
    static List<Episode> episodes(int count) {
        List<Episode> out = new ArrayList<>();
        CoordinationGame env = new CoordinationGame(1, 1, 1, 1);
        for (int k = 0; k < count; k++) {
            env.reset();
            Episode.Recorder rec = new Episode.Recorder(new Episode.Dims(1, 4, 4, 5), 1);
            rec.observe(env);
            rec.step(new int[] {0}, new MultiAgentEnv.Transition(k, MultiAgentEnv.Outcome.TIMEOUT));
            rec.observe(env);
            out.add(rec.finish());
        }
        return out;
    }

    @Test
    void aBatchHoldsExactlyTheSmallBuffersShare() {
        DualReplay replay = new DualReplay(5000, DualReplay.defaultSmallCapacity(5000), 0.25);
        assertEquals(100, replay.small().capacity());
        List<Episode> all = episodes(400);
        all.forEach(replay::add);
        HashSet<Episode> recent = new HashSet<>(all.subList(300, 400));
        for (int batch : new int[] {32, 10, 7}) {
            List<Episode> drawn = replay.sample(batch, new Rng(batch));
            int fromSmall = (int) Math.round(0.25 * batch);
            assertEquals(batch, drawn.size());
            assertEquals(fromSmall, replay.smallCount(batch));
            assertTrue(recent.containsAll(drawn.subList(0, fromSmall)), "the small share comes from the last 100");
        }
    }

    @Test
    void theSmallBufferKeepsOnlyTheLastEpisodesInOrder() {
        List<Episode> all = episodes(23);
        DualReplay r = new DualReplay(20, DualReplay.defaultSmallCapacity(250), 0.25);
        all.forEach(r::add);
        assertEquals(all.subList(18, 23), r.small().contents());
        assertEquals(all.subList(3, 23), r.large().contents());
        assertTrue(r.canSample(21));
        assertFalse(r.canSample(30));  // its small share, 8, exceeds the small buffer
        assertTrue(DualReplay.single(10).small() == null);
    }

    @Test
    void sampledEpisodesAreDistinctAndDeterministic() {
        EpisodeBuffer b = new EpisodeBuffer(50);
        episodes(80).forEach(b::add);
        List<Episode> first = b.sample(20, new Rng(3));
        assertEquals(20, new HashSet<>(first).size());
        assertEquals(first, b.sample(20, new Rng(3)));
    }
}

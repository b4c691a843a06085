package rewire.dist;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a round's wall-clock time went, as the driver sees it: {@code snapshotSeconds} to take the
 * snapshot of the model, {@code shardSeconds} for the backend's round (shipping the snapshot, the
 * shards' steps and encodings, the messages' way back), {@code aggregateSeconds} to decode the
 * messages and average them into the model. For reports only: nothing depends on these numbers.
 */
final class RoundClock {
    private final long start = System.nanoTime();
    private long snapshot;
    private long shards;
    private long aggregate;

    void snapshotDone() {
        snapshot = System.nanoTime();
    }

    void shardsDone() {
        shards = System.nanoTime();
    }

    void aggregated() {
        aggregate = System.nanoTime();
    }

    /** The three times in seconds, as metrics. */
    Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("snapshotSeconds", (snapshot - start) / 1e9);
        out.put("shardSeconds", (shards - snapshot) / 1e9);
        out.put("aggregateSeconds", (aggregate - shards) / 1e9);
        return out;
    }
}

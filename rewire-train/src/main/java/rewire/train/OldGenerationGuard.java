package rewire.train;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;

/**
 * Keeps the serial collector's old generation near what is live across topology updates. Every
 * update gives the rewired layers new patterns, values, gradients and optimizer slots that live
 * until the next update, so the young collections promote them; the serial collector (the
 * launcher's) grows the old generation to hold each promotion instead of collecting it, and full
 * collections came only from other causes. A long DST run's heap, and its RSS, therefore grew by
 * that state at every update: 589 MB of RSS after 8 epochs of examples/mlp-rigl.yaml, 1.1 GiB after
 * 20, with about 110 MB live. After an update, when the old generation holds more than twice what
 * the last full collection left in it and {@link #HEADROOM} more, this asks for a full collection:
 * about 0.1 s at 110 MB live, once per several updates. With another collector, which starts its
 * own old-generation cycles, it does nothing. One per JVM, as the heap is.
 */
public final class OldGenerationGuard {
    /** Growth of the old generation always allowed before a collection is asked for. */
    static final long HEADROOM = 32L << 20;
    private static final String SERIAL_OLD_POOL = "Tenured Gen";
    private static final OldGenerationGuard JVM = new OldGenerationGuard(serialOldPool());

    private final MemoryPoolMXBean pool;
    private long collections;

    private OldGenerationGuard(MemoryPoolMXBean pool) {
        this.pool = pool;
    }

    /** The guard of this JVM's heap. */
    public static OldGenerationGuard jvm() {
        return JVM;
    }

    private static MemoryPoolMXBean serialOldPool() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals(SERIAL_OLD_POOL))
                .findFirst().orElse(null);
    }

    /**
     * Whether an old generation holding {@code used} bytes, of which the last full collection left
     * {@code live} (0 before the first), should be collected.
     */
    static boolean shouldCollect(long used, long live) {
        return used > Math.max(2 * live, live + HEADROOM);
    }

    /** Call after a topology update: collects the heap when the old generation has grown past its bound. */
    public synchronized void afterUpdate() {
        if (pool == null) {
            return;
        }
        MemoryUsage last = pool.getCollectionUsage();
        if (shouldCollect(pool.getUsage().getUsed(), last == null ? 0 : last.getUsed())) {
            System.gc();  // a full collection of the serial heap; see the class comment
            collections++;
        }
    }

    /** Full collections asked for so far (for tests and diagnostics). */
    public synchronized long collections() {
        return collections;
    }
}

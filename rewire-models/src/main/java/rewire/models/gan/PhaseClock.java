package rewire.models.gan;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times one phase of a training step (the discriminator's update, the generator's) by the wall
 * clock and by the training thread's CPU time. With {@code rewire.threads=1} every product runs in
 * that thread, so its CPU time is the phase's compute even when other processes share the cores;
 * the wall clock is what a user waits. Measurements only: nothing depends on them.
 */
final class PhaseClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private final long wallStart;
    private final long cpuStart;

    private PhaseClock() {
        wallStart = System.nanoTime();
        cpuStart = CPU ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** A clock started now. */
    static PhaseClock start() {
        return new PhaseClock();
    }

    /** Milliseconds of wall clock since the start. */
    double wallMillis() {
        return (System.nanoTime() - wallStart) / 1e6;
    }

    /** Milliseconds of the calling thread's CPU time since the start; NaN where the JVM cannot tell. */
    double cpuMillis() {
        return CPU ? (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6 : Double.NaN;
    }
}

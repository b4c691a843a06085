package rewire.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How the inference benchmarks ({@link PredictBench}, {@link GptDecodeBench}) time a library call
 * and report it: the call runs for some seconds to warm up (the JIT), then for as long again timed,
 * every call timed on its own, and the result is one {@code PREDICT} line that
 * {@link InferenceTable} reads, as bench/peer's PyTorch scripts print it too.
 */
final class CallTimes {
    // where the calls' checksums go, so that the JIT cannot drop the work
    private static volatile long sink;

    private CallTimes() {
    }

    /**
     * The milliseconds of every timed call of {@code call} (at least 10), sorted, after as many
     * {@code seconds} of warm-up calls. The call returns a checksum of its result, which is kept
     * alive so that the JIT cannot drop the work.
     */
    static double[] warmedUp(LongSupplier call, double seconds) {
        timed(call, seconds, new ArrayList<>());
        List<Double> ms = new ArrayList<>();
        timed(call, seconds, ms);
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    // calls `call` for about `seconds` (at least 10 times), each one's milliseconds into ms
    private static void timed(LongSupplier call, double seconds, List<Double> ms) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long checksum = 0;
        for (int calls = 0; System.nanoTime() < end || calls < 10; calls++) {
            long start = System.nanoTime();
            checksum += call.getAsLong();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        sink += checksum;
    }

    /**
     * {@code PREDICT,side,label,density,threads,batch,median ms,p90 ms,items/s}: {@code sortedMs} are
     * the milliseconds per unit the row reports (a call of {@code batch} examples, or one generated
     * token of a sequence), items per second are {@code batch} per median unit.
     */
    static String line(String side, String label, double density, int threads, int batch, double[] sortedMs) {
        double median = sortedMs[sortedMs.length / 2];
        return String.format(Locale.ROOT, "PREDICT,%s,%s,%.4g,%d,%d,%.4f,%.4f,%.1f", side, label, density, threads,
                batch, median, sortedMs[(int) (0.9 * (sortedMs.length - 1))], batch * 1000 / median);
    }
}

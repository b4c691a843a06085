package rewire.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import rewire.kernel.NativeBlas;
import rewire.kernel.Parallel;

/**
 * Loads OpenBLAS for a test or skips the test with the reason. {@code openblas_set_num_threads}
 * is process-wide, so tests that load it with a chosen thread count restore the default after.
 */
final class OpenBlasFixture {
    private OpenBlasFixture() {
    }

    /** OpenBLAS with {@code threads} threads; skips the calling test when it is missing. */
    static NativeBlas loadOrSkip(int threads) {
        String[] why = {null};
        Optional<NativeBlas> loaded = NativeBlas.load(threads, why);
        assumeTrue(loaded.isPresent(), () -> "OpenBLAS is not available, skipping: " + why[0]);
        return loaded.get();
    }

    /** Sets OpenBLAS back to the thread count of the default kernels, if it is present. */
    static void restoreDefaultThreads() {
        NativeBlas.load(NativeBlas.threadsBeside(Parallel.defaultThreads()), new String[1]);
    }
}

package rewire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.testkit.KernelContractCanFailTest.assertFails;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import rewire.kernel.KernelProvider;
import rewire.kernel.ScalarKernels;

/**
 * Runs parts of the {@link FanInKernelContract} on deliberately broken fan-in kernels and checks
 * that they fail, and on the scalar kernels and checks that the same parts pass.
 */
class FanInKernelContractCanFailTest {
    private static final String CASE = FanInCases.FanInCase.class.getName();

    /** Leaves the last input of every row out of W · x (as if its weight were 0). */
    static final class DroppedInputContract extends FanInKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void fanInMult(int k, int[] colIdx, float[] values, float[] x, float[] y, float[] rowStart,
                                      int n, int rowFrom, int rowTo, boolean accumulate, boolean relu) {
                    float[] dropped = values.clone();
                    for (int r = rowFrom; r < rowTo && k > 0; r++) {
                        dropped[r * k + k - 1] = 0f;
                    }
                    super.fanInMult(k, colIdx, dropped, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
                }
            };
        }
    }

    /** Computes one row past the end of its range (correctly, so only the SPI check sees it). */
    static final class RowOverrunContract extends FanInKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void fanInSampledMult(int k, int[] colIdx, float[] a, float[] b, int n, float[] out,
                                             int rowFrom, int rowTo, boolean accumulate) {
                    int rows = k == 0 ? rowTo : colIdx.length / k;
                    super.fanInSampledMult(k, colIdx, a, b, n, out, rowFrom, Math.min(rowTo + 1, rows), accumulate);
                }
            };
        }
    }

    /** Sums the second half of a row's entries first when a chunk starts at an odd row: chunking changes bits. */
    static final class ChunkDependentContract extends FanInKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void fanInMult(int k, int[] colIdx, float[] values, float[] x, float[] y, float[] rowStart,
                                      int n, int rowFrom, int rowTo, boolean accumulate, boolean relu) {
                    if (rowFrom % 2 == 0 || k < 2) {
                        super.fanInMult(k, colIdx, values, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
                        return;
                    }
                    for (int r = rowFrom; r < rowTo; r++) {
                        for (int j = 0; j < n; j++) {
                            float sum = accumulate ? y[r * n + j] : rowStart == null ? 0f : rowStart[r];
                            for (int t = k - 1; t >= 0; t--) { // reversed order
                                sum += values[r * k + t] * x[colIdx[r * k + t] * n + j];
                            }
                            y[r * n + j] = relu ? Math.max(sum, 0f) : sum;
                        }
                    }
                }
            };
        }
    }

    @Test
    void droppedInputFailsTheReferenceComparison() {
        assertFails(DroppedInputContract.class, "productsMatchTheScalarReference", CASE, "vs scalar reference");
    }

    @Test
    void droppedInputFailsTheCsrComparison() {
        assertFails(DroppedInputContract.class, "productsMatchTheCsrKernelsOnTheSamePattern", CASE,
                "vs the CSR kernels");
    }

    @Test
    void droppedInputFailsTheDenseComparison() {
        assertFails(DroppedInputContract.class, "productsEqualDenseProductsWithTheAssembledMatrix", CASE,
                "vs dense on the assembled matrix");
    }

    @Test
    void rowOverrunFailsTheSpiRangeCheck() {
        assertFails(RowOverrunContract.class, "spiWritesOnlyItsRowsAndIgnoresChunking", CASE, "wrote");
    }

    @Test
    void chunkDependentSummationFailsTheThreadCountCheck() {
        assertFails(ChunkDependentContract.class, "resultsAreBitwiseIdenticalForOneTwoAndThreeThreads", CASE,
                "threads vs 1 thread");
    }

    @Test
    void chunkDependentSummationFailsTheSpiRangeCheck() {
        assertFails(ChunkDependentContract.class, "spiWritesOnlyItsRowsAndIgnoresChunking", CASE,
                "in three calls vs one");
    }

    @Test
    void theSameChecksPassOnTheScalarKernels() {
        for (String method : new String[] {"productsMatchTheCsrKernelsOnTheSamePattern",
                "productsEqualDenseProductsWithTheAssembledMatrix", "resultsAreBitwiseIdenticalForOneTwoAndThreeThreads",
                "spiWritesOnlyItsRowsAndIgnoresChunking"}) {
            TestExecutionSummary summary = KernelContractCanFailTest.run(ScalarFanInKernelsContractTest.class, method,
                    CASE);
            assertEquals(0, summary.getTotalFailureCount(), () -> method + ": " + summary.getFailures());
            assertTrue(summary.getTestsSucceededCount() > 0, method + ": no test ran");
        }
    }
}

package rewire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.testkit.KernelContractCanFailTest.assertFails;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import rewire.kernel.KernelProvider;
import rewire.kernel.ScalarKernels;

/**
 * Runs parts of the {@link DiagonalKernelContract} on deliberately broken diagonal kernels and
 * checks that they fail, and on the scalar kernels and checks that the same parts pass.
 */
class DiagonalKernelContractCanFailTest {
    private static final String CASE = DiagonalCases.DiagonalCase.class.getName();

    /** Leaves the last diagonal out of every product W · x and Wᵀ · dy. */
    static final class DroppedDiagonalContract extends DiagonalKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void diagonalMult(int rows, int cols, int[] diagonals, float[] values, boolean transpose,
                                         float[] x, float[] y, float[] rowStart, int n, int rowFrom, int rowTo,
                                         boolean accumulate, boolean relu) {
                    super.diagonalMult(rows, cols, Arrays.copyOf(diagonals, diagonals.length - 1), values, transpose,
                            x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
                }
            };
        }
    }

    /** Computes one position past the end of its range (correctly, so only the SPI check sees it). */
    static final class PositionOverrunContract extends DiagonalKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void diagonalSampledMult(int rows, int cols, int[] diagonals, float[] a, float[] b, int n,
                                                float[] out, int from, int to, boolean accumulate) {
                    super.diagonalSampledMult(rows, cols, diagonals, a, b, n, out, from,
                            Math.min(to + 1, Math.min(rows, cols)), accumulate);
                }
            };
        }
    }

    /** Adds the second half of the diagonals first when a chunk starts at an odd row: chunking changes bits. */
    static final class ChunkDependentContract extends DiagonalKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void diagonalMult(int rows, int cols, int[] diagonals, float[] values, boolean transpose,
                                         float[] x, float[] y, float[] rowStart, int n, int rowFrom, int rowTo,
                                         boolean accumulate, boolean relu) {
                    int half = diagonals.length / 2;
                    if (rowFrom % 2 == 0 || half == 0) {
                        super.diagonalMult(rows, cols, diagonals, values, transpose, x, y, rowStart, n, rowFrom, rowTo,
                                accumulate, relu);
                        return;
                    }
                    int d = Math.min(rows, cols);
                    super.diagonalMult(rows, cols, Arrays.copyOfRange(diagonals, half, diagonals.length),
                            Arrays.copyOfRange(values, half * d, values.length), transpose, x, y, rowStart, n, rowFrom,
                            rowTo, accumulate, false);
                    super.diagonalMult(rows, cols, Arrays.copyOf(diagonals, half), values, transpose, x, y, null, n,
                            rowFrom, rowTo, true, relu);
                }
            };
        }
    }

    @Test
    void droppedDiagonalFailsTheReferenceComparison() {
        assertFails(DroppedDiagonalContract.class, "productsMatchTheScalarReference", CASE, "vs scalar reference");
    }

    @Test
    void droppedDiagonalFailsTheCsrComparison() {
        assertFails(DroppedDiagonalContract.class, "productsMatchTheCsrKernelsOnTheSamePattern", CASE,
                "vs the CSR kernels");
    }

    @Test
    void droppedDiagonalFailsTheDenseComparison() {
        assertFails(DroppedDiagonalContract.class, "productsEqualDenseProductsWithTheAssembledMatrix", CASE,
                "vs dense on the assembled matrix");
    }

    @Test
    void positionOverrunFailsTheSpiRangeCheck() {
        assertFails(PositionOverrunContract.class, "spiWritesOnlyItsRowsAndIgnoresChunking", CASE, "wrote");
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
            TestExecutionSummary summary = KernelContractCanFailTest.run(ScalarDiagonalKernelsContractTest.class, method,
                    CASE);
            assertEquals(0, summary.getTotalFailureCount(), () -> method + ": " + summary.getFailures());
            assertTrue(summary.getTestsSucceededCount() > 0, method + ": no test ran");
        }
    }
}

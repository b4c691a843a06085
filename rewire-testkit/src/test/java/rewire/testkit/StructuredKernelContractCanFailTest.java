package rewire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import rewire.kernel.KernelProvider;
import rewire.kernel.ScalarKernels;

/**
 * Runs parts of the {@link StructuredKernelContract} on deliberately broken structured kernels
 * and checks that they fail in every format (the N:M format on the broken fan-in kernels it runs
 * on), and on the scalar kernels and checks that the same parts pass. Each broken provider breaks
 * the same promise in every format's SPI.
 */
class StructuredKernelContractCanFailTest {
    private static final String CASE = StructuredCase.class.getName();

    /**
     * Leaves stored values out of every forward and transposed product: the last diagonal, the
     * last input of each row, the last block (its values read as zeros).
     */
    static final class DroppedEntryContract extends StructuredKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void diagonalMult(int rows, int cols, int[] diagonals, float[] values, boolean transpose,
                                         float[] x, float[] y, float[] rowStart, int n, int rowFrom, int rowTo,
                                         boolean accumulate, boolean relu) {
                    super.diagonalMult(rows, cols, Arrays.copyOf(diagonals, Math.max(0, diagonals.length - 1)), values,
                            transpose, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
                }

                @Override
                public void fanInMult(int k, int[] colIdx, float[] values, float[] x, float[] y, float[] rowStart,
                                      int n, int rowFrom, int rowTo, boolean accumulate, boolean relu) {
                    float[] dropped = values.clone();
                    for (int r = rowFrom; r < rowTo && k > 0; r++) {
                        dropped[r * k + k - 1] = 0f;
                    }
                    super.fanInMult(k, colIdx, dropped, x, y, rowStart, n, rowFrom, rowTo, accumulate, relu);
                }

                @Override
                public void blockMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, int[] blockOf,
                                      float[] values, boolean transpose, float[] x, float[] y, float[] rowStart, int n,
                                      int blockFrom, int blockTo, boolean accumulate, boolean relu) {
                    float[] dropped = values.clone();
                    Arrays.fill(dropped, Math.max(0, values.length - br * bc), values.length, 0f);
                    super.blockMult(br, bc, blockRowPtr, blockColIdx, blockOf, dropped, transpose, x, y, rowStart, n,
                            blockFrom, blockTo, accumulate, relu);
                }
            };
        }
    }

    /** Computes the sampled product one range past the end of its own (correctly, so only the SPI check sees it). */
    static final class RangeOverrunContract extends StructuredKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void diagonalSampledMult(int rows, int cols, int[] diagonals, float[] a, float[] b, int n,
                                                float[] out, int from, int to, boolean accumulate) {
                    super.diagonalSampledMult(rows, cols, diagonals, a, b, n, out, from,
                            Math.min(to + 1, Math.min(rows, cols)), accumulate);
                }

                @Override
                public void fanInSampledMult(int k, int[] colIdx, float[] a, float[] b, int n, float[] out,
                                             int rowFrom, int rowTo, boolean accumulate) {
                    int rows = k == 0 ? rowTo : colIdx.length / k;
                    super.fanInSampledMult(k, colIdx, a, b, n, out, rowFrom, Math.min(rowTo + 1, rows), accumulate);
                }

                @Override
                public void blockSampledMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, float[] a,
                                             float[] b, int n, float[] out, int blockFrom, int blockTo,
                                             boolean accumulate) {
                    super.blockSampledMult(br, bc, blockRowPtr, blockColIdx, a, b, n, out, blockFrom,
                            Math.min(blockTo + 1, blockRowPtr.length - 1), accumulate);
                }
            };
        }
    }

    /** Sums a row's terms in another order when its chunk starts at an odd row: chunking changes bits. */
    static final class ChunkDependentContract extends StructuredKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                // the second half of the diagonals first
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

                // the row's inputs backwards
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
                            for (int t = k - 1; t >= 0; t--) {
                                sum += values[r * k + t] * x[colIdx[r * k + t] * n + j];
                            }
                            y[r * n + j] = relu ? Math.max(sum, 0f) : sum;
                        }
                    }
                }

                // the second half of the blocks first
                @Override
                public void blockMult(int br, int bc, int[] blockRowPtr, int[] blockColIdx, int[] blockOf,
                                      float[] values, boolean transpose, float[] x, float[] y, float[] rowStart, int n,
                                      int blockFrom, int blockTo, boolean accumulate, boolean relu) {
                    int half = values.length / (br * bc) / 2 * br * bc;
                    if (blockFrom % 2 == 0 || half == 0) {
                        super.blockMult(br, bc, blockRowPtr, blockColIdx, blockOf, values, transpose, x, y, rowStart,
                                n, blockFrom, blockTo, accumulate, relu);
                        return;
                    }
                    float[] secondHalf = values.clone();
                    Arrays.fill(secondHalf, 0, half, 0f);
                    float[] firstHalf = values.clone();
                    Arrays.fill(firstHalf, half, values.length, 0f);
                    super.blockMult(br, bc, blockRowPtr, blockColIdx, blockOf, secondHalf, transpose, x, y, rowStart, n,
                            blockFrom, blockTo, accumulate, false);
                    super.blockMult(br, bc, blockRowPtr, blockColIdx, blockOf, firstHalf, transpose, x, y, null, n,
                            blockFrom, blockTo, true, relu);
                }
            };
        }
    }

    /** A broken provider's contract, one of its checks, and what that check's failure must say. */
    record ExpectedFailure(Class<? extends StructuredKernelContract> contract, String method, String messagePart) {
        @Override
        public String toString() {
            return contract.getSimpleName() + " fails " + method;
        }
    }

    static List<ExpectedFailure> expectedFailures() {
        return List.of(
                new ExpectedFailure(DroppedEntryContract.class, "productsMatchTheScalarReference",
                        "vs scalar reference"),
                new ExpectedFailure(DroppedEntryContract.class, "productsMatchTheCsrKernelsOnTheSamePattern",
                        "vs the CSR kernels"),
                new ExpectedFailure(DroppedEntryContract.class, "productsEqualDenseProductsWithTheAssembledMatrix",
                        "vs dense on the assembled matrix"),
                new ExpectedFailure(RangeOverrunContract.class, "spiWritesOnlyItsRowsAndIgnoresChunking", "wrote"),
                new ExpectedFailure(ChunkDependentContract.class, "resultsAreBitwiseIdenticalForOneTwoAndThreeThreads",
                        "threads vs 1 thread"),
                new ExpectedFailure(ChunkDependentContract.class, "spiWritesOnlyItsRowsAndIgnoresChunking",
                        "in three calls vs one"));
    }

    /** Some case of every format fails the check, with a message that names it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedFailures")
    void brokenKernelsFailInEveryFormat(ExpectedFailure expected) {
        TestExecutionSummary summary = KernelContractCanFailTest.run(expected.contract(), expected.method(), CASE);
        for (FormatAdapter<?, ?> format : StructuredKernelContract.FORMATS) {
            String tag = "[" + format.name() + "]"; // how StructuredCase names its cases
            boolean failed = summary.getFailures().stream()
                    .anyMatch(f -> f.getTestIdentifier().getDisplayName().startsWith(tag)
                            && String.valueOf(f.getException().getMessage()).contains(expected.messagePart()));
            assertTrue(failed, expected + ": no " + format.name() + " case failed with \"" + expected.messagePart()
                    + "\"");
        }
    }

    @Test
    void theSameChecksPassOnTheScalarKernels() {
        for (String method : new String[] {"productsMatchTheCsrKernelsOnTheSamePattern",
                "productsEqualDenseProductsWithTheAssembledMatrix", "resultsAreBitwiseIdenticalForOneTwoAndThreeThreads",
                "spiWritesOnlyItsRowsAndIgnoresChunking"}) {
            TestExecutionSummary summary = KernelContractCanFailTest.run(ScalarStructuredKernelsContractTest.class,
                    method, CASE);
            assertEquals(0, summary.getTotalFailureCount(), () -> method + ": " + summary.getFailures());
            assertTrue(summary.getTestsSucceededCount() > 0, method + ": no test ran");
        }
    }
}

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
 * Runs parts of the {@link BlockKernelContract} on deliberately broken block kernels and checks
 * that they fail, and on the scalar kernels and checks that the same parts pass.
 */
class BlockKernelContractCanFailTest {
    private static final String CASE = BlockCases.BlockCase.class.getName();

    /** Leaves the last block out of every product W · x and Wᵀ · dy (its values read as zeros). */
    static final class DroppedBlockContract extends BlockKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
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

    /** Computes one block row past the end of its range (correctly, so only the SPI check sees it). */
    static final class BlockRowOverrunContract extends BlockKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
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

    /** Adds the second half of the blocks first when a chunk starts at an odd block row: chunking changes bits. */
    static final class ChunkDependentContract extends BlockKernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
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

    @Test
    void droppedBlockFailsTheReferenceComparison() {
        assertFails(DroppedBlockContract.class, "productsMatchTheScalarReference", CASE, "vs scalar reference");
    }

    @Test
    void droppedBlockFailsTheCsrComparison() {
        assertFails(DroppedBlockContract.class, "productsMatchTheCsrKernelsOnTheSamePattern", CASE, "vs the CSR kernels");
    }

    @Test
    void droppedBlockFailsTheDenseComparison() {
        assertFails(DroppedBlockContract.class, "productsEqualDenseProductsWithTheAssembledMatrix", CASE,
                "vs dense on the assembled matrix");
    }

    @Test
    void blockRowOverrunFailsTheSpiRangeCheck() {
        assertFails(BlockRowOverrunContract.class, "spiWritesOnlyItsRowsAndIgnoresChunking", CASE, "wrote");
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
            TestExecutionSummary summary = KernelContractCanFailTest.run(ScalarBlockKernelsContractTest.class, method,
                    CASE);
            assertEquals(0, summary.getTotalFailureCount(), () -> method + ": " + summary.getFailures());
            assertTrue(summary.getTestsSucceededCount() > 0, method + ": no test ran");
        }
    }
}

package rewire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import rewire.kernel.KernelProvider;
import rewire.kernel.ScalarKernels;

/**
 * Runs parts of the {@link KernelContract} on deliberately broken providers and checks that they
 * fail, and on the scalar provider and checks that the same parts pass.
 */
class KernelContractCanFailTest {
    private static final String SPARSE_CASE = KernelCases.SparseCase.class.getName();
    private static final String GEMM_CASE = KernelCases.GemmCase.class.getName();

    /** Writes one row past the end of its range (with correct values, so only the SPI test sees it). */
    static final class RowOverrunContract extends KernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void spmm(int[] rowPtr, int[] colIdx, float[] values, int[] valueIndex, float[] x, float[] y,
                                 float[] rowStart, int n, int rowFrom, int rowTo, boolean accumulate, boolean relu) {
                    int overrun = Math.min(rowTo + 1, rowPtr.length - 1);
                    super.spmm(rowPtr, colIdx, values, valueIndex, x, y, rowStart, n, rowFrom, overrun, accumulate,
                            relu);
                }
            };
        }
    }

    /** Drops the last batch column from every sampled dot product. */
    static final class DroppedTermContract extends KernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void sddmm(int[] rowPtr, int[] colIdx, float[] a, float[] aGate, float[] b, int n, float[] out,
                                  int rowFrom, int rowTo, boolean accumulate) {
                    for (int r = rowFrom; r < rowTo; r++) {
                        for (int j = r * n; aGate != null && j < (r + 1) * n; j++) {
                            a[j] = aGate[j] > 0 ? a[j] : 0f;  // gates correctly: only the dropped term is wrong
                        }
                        for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
                            float sum = 0f;
                            for (int j = 0; j < n - 1; j++) {
                                sum += a[r * n + j] * b[colIdx[e] * n + j];
                            }
                            out[e] = accumulate ? out[e] + sum : sum;
                        }
                    }
                }
            };
        }
    }

    /** Sums a row's entries backwards when its chunk starts at an odd row: chunking changes bits. */
    static final class ChunkDependentContract extends KernelContract {
        @Override
        protected KernelProvider provider() {
            return new CountingProvider(new ScalarKernels()) {
                @Override
                public void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                                 float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            float sum = accumulate ? c[cOff + i * ldc + j] : 0f;
                            for (int q = 0; q < k; q++) {
                                int p = (cOff / ldc) % 2 == 1 ? k - 1 - q : q;
                                float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                                float bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                                sum += aip * bpj;
                            }
                            c[cOff + i * ldc + j] = sum;
                        }
                    }
                }
            };
        }
    }

    @Test
    void rowOverrunFailsTheSpiRowRangeCheck() {
        assertFails(RowOverrunContract.class, "sparseSpiWritesOnlyItsRowsAndIgnoresChunking", SPARSE_CASE, "wrote");
    }

    @Test
    void droppedTermFailsTheReferenceComparison() {
        assertFails(DroppedTermContract.class, "sparseOpsMatchScalarReference", SPARSE_CASE, "vs scalar reference");
    }

    @Test
    void droppedTermFailsTheMaskedDenseComparison() {
        assertFails(DroppedTermContract.class, "sparseOpsEqualDenseOpsOnMaskedWeight", SPARSE_CASE,
                "sparse vs dense on the masked weight");
    }

    @Test
    void chunkDependentSummationFailsTheThreadCountCheck() {
        assertFails(ChunkDependentContract.class, "gemmResultsAreBitwiseIdenticalForOneTwoAndThreeThreads", GEMM_CASE,
                "threads vs 1 thread");
    }

    @Test
    void chunkDependentSummationFailsTheRowBlockCheck() {
        assertFails(ChunkDependentContract.class, "gemmSpiHonoursRowBlocksOffsetsAndLeadingDimensions", GEMM_CASE,
                "in three calls vs one");
    }

    @Test
    void theSameChecksPassOnTheScalarProvider() {
        TestExecutionSummary summary = run(ScalarKernelsContractTest.class, "sparseSpiWritesOnlyItsRowsAndIgnoresChunking",
                SPARSE_CASE);
        assertEquals(0, summary.getTotalFailureCount(), () -> summary.getFailures().toString());
        assertTrue(summary.getTestsSucceededCount() > 0, "no test ran");
    }

    static void assertFails(Class<?> contract, String method, String parameterType, String messagePart) {
        TestExecutionSummary summary = run(contract, method, parameterType);
        assertTrue(summary.getTotalFailureCount() > 0, contract.getSimpleName() + "." + method + " did not fail");
        String message = String.valueOf(summary.getFailures().getFirst().getException().getMessage());
        assertTrue(message.contains(messagePart), "failure message \"" + message + "\" lacks \"" + messagePart + "\"");
    }

    static TestExecutionSummary run(Class<?> contract, String method, String parameterType) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(contract, method, parameterType))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }
}

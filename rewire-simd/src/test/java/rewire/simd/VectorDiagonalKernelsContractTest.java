package rewire.simd;

import rewire.kernel.KernelProvider;
import rewire.testkit.DiagonalKernelContract;

/**
 * The diagonal-format contract (tolerance against the scalar reference and the CSR kernels,
 * dense products on the assembled matrix, thread-count and chunking invariance, row ranges) for
 * the Vector API kernels.
 */
class VectorDiagonalKernelsContractTest extends DiagonalKernelContract {
    private final VectorKernels vector = new VectorKernels();

    @Override
    protected KernelProvider provider() {
        return vector;
    }
}

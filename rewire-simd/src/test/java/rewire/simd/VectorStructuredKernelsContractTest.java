package rewire.simd;

import rewire.kernel.KernelProvider;
import rewire.testkit.StructuredKernelContract;

/**
 * The structured-format contract (diagonal, fan-in, N:M and block: tolerance against the scalar
 * reference and the CSR kernels, dense products on the assembled matrix, thread-count and
 * chunking invariance, SPI ranges) for the Vector API kernels.
 */
class VectorStructuredKernelsContractTest extends StructuredKernelContract {
    private final VectorKernels vector = new VectorKernels();

    @Override
    protected KernelProvider provider() {
        return vector;
    }
}

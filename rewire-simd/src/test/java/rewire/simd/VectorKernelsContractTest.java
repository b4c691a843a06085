package rewire.simd;

import rewire.kernel.KernelProvider;
import rewire.testkit.KernelContract;

/**
 * The shared provider contract (tolerance against the scalar reference through the facade,
 * thread-count and chunking invariance, row ranges, GEMM strides, sparse equals dense on the
 * masked weight) for the Vector API kernels. Surefire runs it twice: at the CPU's preferred
 * vector width and at a forced 128 bits.
 */
class VectorKernelsContractTest extends KernelContract {
    private final VectorKernels vector = new VectorKernels();

    @Override
    protected KernelProvider provider() {
        return vector;
    }
}

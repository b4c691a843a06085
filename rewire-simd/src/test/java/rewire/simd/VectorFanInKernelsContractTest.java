package rewire.simd;

import rewire.kernel.KernelProvider;
import rewire.testkit.FanInKernelContract;

/**
 * The fan-in and N:M contract (tolerance against the scalar reference and the CSR kernels, dense
 * products on the assembled matrix, thread-count and chunking invariance, row ranges) for the
 * Vector API kernels.
 */
class VectorFanInKernelsContractTest extends FanInKernelContract {
    private final VectorKernels vector = new VectorKernels();

    @Override
    protected KernelProvider provider() {
        return vector;
    }
}

package rewire.simd;

import rewire.kernel.KernelProvider;
import rewire.testkit.BlockKernelContract;

/**
 * The block-format contract (tolerance against the scalar reference and the CSR kernels, dense
 * products on the assembled matrix, thread-count and chunking invariance, block-row ranges) for
 * the Vector API kernels.
 */
class VectorBlockKernelsContractTest extends BlockKernelContract {
    private final VectorKernels vector = new VectorKernels();

    @Override
    protected KernelProvider provider() {
        return vector;
    }
}

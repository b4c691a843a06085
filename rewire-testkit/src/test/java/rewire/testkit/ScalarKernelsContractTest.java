package rewire.testkit;

import rewire.kernel.KernelProvider;
import rewire.kernel.ScalarKernels;

/**
 * The reference kernels against themselves: the tolerance checks are trivially met, but the
 * thread-count, chunking, row-range, offset and masked-dense parts of the contract are not.
 */
class ScalarKernelsContractTest extends KernelContract {
    private final ScalarKernels scalar = new ScalarKernels();

    @Override
    protected KernelProvider provider() {
        return scalar;
    }
}

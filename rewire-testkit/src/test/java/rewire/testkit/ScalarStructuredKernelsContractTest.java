package rewire.testkit;

import rewire.kernel.KernelProvider;
import rewire.kernel.ScalarKernels;

/**
 * The reference structured kernels against themselves and the CSR and dense products: the
 * comparison with the reference is trivially met, the rest is not.
 */
class ScalarStructuredKernelsContractTest extends StructuredKernelContract {
    private final ScalarKernels scalar = new ScalarKernels();

    @Override
    protected KernelProvider provider() {
        return scalar;
    }
}

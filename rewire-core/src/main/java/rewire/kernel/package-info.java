/**
 * Compute kernels: the checked {@link rewire.kernel.Kernels} facade with the products of the
 * diagonal and block storage formats ({@link rewire.kernel.DiagonalProducts},
 * {@link rewire.kernel.BlockProducts}), the unchecked {@link rewire.kernel.KernelProvider} SPI
 * with its reference {@link rewire.kernel.ScalarKernels},
 * the OpenBLAS binding for dense products (single-threaded in fixed chunks, so results do not depend
 * on the thread count) with {@link rewire.kernel.BlasCore}, the OpenBLAS kernels it runs against the
 * CPU's best, fixed-chunk {@link rewire.kernel.Parallel} execution and {@link rewire.kernel.TopK}
 * selection, and the checked products of the structured formats
 * ({@link rewire.kernel.DiagonalProducts}, {@link rewire.kernel.FanInProducts},
 * {@link rewire.kernel.NmProducts}); apart from the kernels, the {@link rewire.kernel.PixelFill}
 * service that lets a vector module speed up {@code rewire.data}'s batch fill.
 *
 * <p>Layout convention of the sparse kernels: activations are <em>feature-major</em>, a matrix of
 * {@code (features, batch)} whose rows are contiguous over the batch, so the batch is the vector
 * dimension and a weight's row of nonzeros streams whole activation rows. The batch-major
 * conveniences of the facade transpose into scratch space around the same kernels.
 *
 * <p>Layer 1 of rewire-core: imports only {@code tensor} and {@code sparse}.
 */
package rewire.kernel;

/**
 * Kernels on the incubating Vector API: {@link rewire.simd.VectorKernels}, the
 * {@link rewire.kernel.KernelProvider} that rewire-core finds through {@code ServiceLoader}, and
 * {@link rewire.simd.VectorPixelFill}, the {@link rewire.kernel.PixelFill} that {@code rewire.data}
 * finds the same way.
 *
 * <p>All kernels take feature-major operands, whose rows are contiguous runs of the batch, so the
 * batch is the vector dimension: sparse times dense holds an output row's slice in registers
 * (a tile of up to four rows for the block format, which reuses each loaded input slice for
 * them) while streaming input rows, the sampled product holds an input row's slice in registers
 * while streaming the other operand's rows (the block format: a tile of its entries' dot
 * products). Each kernel states the order of its sums; none depends on
 * the row range a call covers, so the parallel facade stays bitwise reproducible.
 */
package rewire.simd;

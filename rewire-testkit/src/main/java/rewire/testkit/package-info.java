/**
 * Test support shared by Rewire's modules, used in test scope only: the
 * {@link rewire.testkit.KernelContract} every kernel provider must pass and its counterpart for
 * the structured formats ({@link rewire.testkit.StructuredKernelContract}), the
 * {@link rewire.testkit.PixelFillContract} every pixel fill must pass, the
 * {@link rewire.testkit.GradCheck} finite-difference gradient checks, the
 * {@link rewire.testkit.RandomData} generators and the {@link rewire.testkit.FloatChecks}
 * assertions.
 */
package rewire.testkit;

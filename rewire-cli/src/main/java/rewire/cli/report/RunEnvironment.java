package rewire.cli.report;

/**
 * Where a run ran, from run.json's {@code environment}. Text the file does not carry is
 * {@code "unknown"}; counts it does not carry are 0.
 *
 * @param jdk            JVM name and version
 * @param cpu            CPU model
 * @param cores          available cores
 * @param kernelProvider the kernel provider chosen ({@code vector}, {@code scalar}, ...)
 * @param kernelReason   why that provider was chosen
 * @param vectorWidth    floats per vector register the kernels use
 * @param blas           the dense BLAS backend
 * @param threads        kernel threads
 */
public record RunEnvironment(String jdk, String cpu, int cores, String kernelProvider, String kernelReason,
                             int vectorWidth, String blas, int threads) {
}

/**
 * Benchmarks. {@link rewire.bench.SparseLinearBenchmark} (JMH) times the three products of a
 * sparse linear layer against its dense twin; {@link rewire.bench.BenchmarkReport} turns its JSON
 * results into {@code docs/benchmarks.md} (run both through {@code bench/kernels.sh}).
 * {@link rewire.bench.StructuredLinearBenchmark} does the same for the structured formats
 * (diagonal, block) against CSR, reported by {@link rewire.bench.StructuredReport}
 * ({@code bench/structured.sh}); {@link rewire.bench.StructuredVersusCsr} is its in-process A/B
 * for kernel design.
 *
 * <p>The benchmarks run from the shaded jar {@code rewire-bench/target/benchmarks.jar}, whose
 * forks get {@code --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED}.
 */
package rewire.bench;

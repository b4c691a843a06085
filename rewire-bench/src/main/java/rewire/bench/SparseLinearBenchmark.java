package rewire.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A sparse linear layer against its dense twin: forward ({@code Kernels.mult}), input gradient
 * ({@code multTransA}), weight gradient ({@code sampledMultTransB}; dense: {@code multTransB}),
 * and the three together, which is the layer's share of a training step.
 *
 * <p>{@code weights=dense} ignores the density but runs once per density anyway, right before the
 * sparse run of that density: on a shared, noisy machine the ratio of two measurements taken
 * seconds apart is far steadier than either time. {@code bench/kernels.sh} runs this benchmark
 * and turns its results into {@code docs/benchmarks.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class SparseLinearBenchmark extends LayerProductsBenchmark {
    /** {@code out x in}. */
    @Param({"1000x1000", "4096x4096"})
    public String layer;
    @Param({"1", "32", "128"})
    public int batch;
    @Param({"0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1.0"})
    public double density;
    /** {@code -Drewire.threads}: Rewire's pool and OpenBLAS's. */
    @Param({"1", "2"})
    public int threads;
    /** Sorts last, so JMH varies it fastest: each sparse run follows its dense twin. */
    @Param({"dense", "sparse"})
    public String weights;

    @Setup(Level.Trial)
    public void setUp() {
        LayerOperands l = LayerOperands.of(layer, batch);
        products = switch (weights) {
            case "sparse" -> LayerProducts.sparse(LayerOperands.kernels(threads), l, density);
            case "dense" -> LayerProducts.dense(LayerOperands.kernels(threads), l);
            default -> throw new IllegalArgumentException("weights must be sparse or dense, got " + weights);
        };
    }
}

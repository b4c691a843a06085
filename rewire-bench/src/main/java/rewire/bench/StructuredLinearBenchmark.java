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
import rewire.kernel.Kernels;
import rewire.sparsity.Diagonals;

/**
 * A linear layer in a structured storage format ({@link StructuredFormat}: wrap-around diagonals,
 * constant fan-in, blocks, N:M) against the same layer in CSR with the same number of entries, and
 * against its dense twin: forward, input gradient, weight gradient on the pattern, and the three
 * together (the layer's share of a training step), the products of {@link LayerProducts}. At
 * density {@code d} the diagonal layer has DynaDiag's budget of {@code K = ceil(d * out * in / D)}
 * random diagonals ({@link Diagonals#budget}), the fan-in layer {@code k = ceil(d * in)} random
 * inputs a row (the same entries on the square layers here), a block layer the same entries as
 * whole random blocks, and the CSR layer {@code K * D} uniformly random entries. A block layer
 * whose shape is not a whole number of blocks (1000 inputs in 1 x 16 blocks) runs on activations
 * padded with zero features ({@link LayerProducts#block}).
 *
 * <p>N:M has one density, N / M ({@code 0.5} for {@code nm2:4}, {@code 0.125} for {@code nm1:8}),
 * so its values are not in the default grid, which would pair them with every density; JMH runs
 * them with {@code -p weights=nm2:4 -p density=0.5}, as {@code bench/structured.sh} does, and the
 * report pairs them with the dense and CSR runs of the main grid at that density. Any other
 * density fails the trial, naming both.
 *
 * <p>{@code weights} sorts last, so JMH varies it fastest: at each density the CSR and structured
 * runs follow the dense run, seconds apart, and their ratios are steadier than the times on a
 * shared machine. {@code bench/structured.sh} runs this benchmark and turns its results into
 * {@code docs/benchmarks-structured.md} ({@link StructuredReport}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class StructuredLinearBenchmark extends LayerProductsBenchmark {
    /** {@code out x in}. */
    @Param({"1000x1000", "4096x4096"})
    public String layer;
    @Param({"128"})
    public int batch;
    @Param({"0.01", "0.02", "0.05", "0.1", "0.125", "0.2", "0.5"})
    public double density;
    /** {@code -Drewire.threads}: Rewire's pool and OpenBLAS's. */
    @Param({"1"})
    public int threads;
    /** dense, csr or a {@link StructuredFormat}'s name; sorts last, so JMH varies it fastest. */
    @Param({"dense", "csr", "diagonal", "fanin", "block4x4", "block1x16"})
    public String weights;

    /** The density of the CSR layer: that of the diagonal layer, whose entries the other formats match. */
    static double csrDensity(int out, int in, double density) {
        return StructuredFormat.DIAGONAL.actualDensity(out, in, density);
    }

    @Setup(Level.Trial)
    public void setUp() {
        LayerOperands l = LayerOperands.of(layer, batch);
        Kernels kernels = LayerOperands.kernels(threads);
        products = switch (weights) {
            case "dense" -> LayerProducts.dense(kernels, l);
            case "csr" -> LayerProducts.sparse(kernels, l, csrDensity(l.out(), l.in(), density));
            default -> StructuredFormat.of(weights).products(kernels, l, density);
        };
    }
}

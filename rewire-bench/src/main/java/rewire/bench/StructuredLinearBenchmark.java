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
import rewire.sparse.DiagonalPattern;
import rewire.sparsity.Diagonals;

/**
 * A linear layer stored as wrap-around diagonals against the same layer in CSR with the same
 * number of entries, and against its dense twin: forward, input gradient, weight gradient on the
 * pattern, and the three together (the layer's share of a training step), the products of
 * {@link LayerProducts}. At density {@code d} the layer has DynaDiag's budget of
 * {@code K = ceil(d * out * in / D)} random diagonals ({@link Diagonals#budget}), and the CSR
 * layer {@code K * D} uniformly random entries.
 *
 * <p>{@code weights} sorts last, so JMH varies it fastest: at each density the CSR and diagonal
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
    @Param({"0.01", "0.02", "0.05", "0.1", "0.2", "0.5"})
    public double density;
    /** {@code -Drewire.threads}: Rewire's pool and OpenBLAS's. */
    @Param({"1"})
    public int threads;
    /** Sorts last, so JMH varies it fastest. */
    @Param({"dense", "csr", "diagonal"})
    public String weights;

    /** The number of diagonals of an {@code out x in} layer at {@code density}, DynaDiag's budget. */
    static int diagonals(int out, int in, double density) {
        return Diagonals.budget(out, in, density);
    }

    /** The density of {@code k} diagonals of an {@code out x in} layer, {@code k * D / (out * in)}. */
    static double density(int out, int in, int k) {
        return (double) k * DiagonalPattern.length(out, in) / ((double) out * in);
    }

    @Setup(Level.Trial)
    public void setUp() {
        LayerOperands l = LayerOperands.of(layer, batch);
        int k = diagonals(l.out(), l.in(), density);
        products = switch (weights) {
            case "dense" -> LayerProducts.dense(LayerOperands.kernels(threads), l);
            case "csr" -> LayerProducts.sparse(LayerOperands.kernels(threads), l, density(l.out(), l.in(), k));
            case "diagonal" -> LayerProducts.diagonal(LayerOperands.kernels(threads), l, k);
            default -> throw new IllegalArgumentException("weights must be dense, csr or diagonal, got " + weights);
        };
    }
}

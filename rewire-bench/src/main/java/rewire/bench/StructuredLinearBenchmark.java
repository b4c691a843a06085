package rewire.bench;

import java.util.List;
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
 * A linear layer in a structured format (wrap-around diagonals, 4 x 4 blocks, 1 x 16 blocks)
 * against the same layer in CSR with the same number of entries, and against its dense twin:
 * forward, input gradient, weight gradient on the pattern, and the three together (the layer's
 * share of a training step), the products of {@link LayerProducts}. At density {@code d} the
 * diagonal layer has DynaDiag's budget of {@code K = ceil(d * out * in / D)} random diagonals
 * ({@link Diagonals#budget}), the CSR layer {@code K * D} uniformly random entries, and a block
 * layer the same entries as {@code K * D / (br * bc)} random blocks (rounded to whole blocks;
 * exact at 1000x1000 and 4096x4096). A block layer whose shape is not a whole number of blocks
 * (1000 inputs in 1 x 16 blocks) runs on activations padded with zero features
 * ({@link LayerProducts#block}).
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
    @Param({"0.01", "0.02", "0.05", "0.1", "0.2", "0.5"})
    public double density;
    /** {@code -Drewire.threads}: Rewire's pool and OpenBLAS's. */
    @Param({"1"})
    public int threads;
    /** Sorts last, so JMH varies it fastest; the structured formats are {@link #STRUCTURED}. */
    @Param({"dense", "csr", "diagonal", "block4x4", "block1x16"})
    public String weights;

    /** The structured formats among the {@code weights}, in the order of the report's tables. */
    static final List<String> STRUCTURED = List.of("diagonal", "block4x4", "block1x16");

    /**
     * The size of a sparse layer in its format's units.
     *
     * @param units   K diagonals, or blocks
     * @param density the entries over {@code out * in}
     */
    record Budget(int units, double density) {
    }

    /** The number of diagonals of an {@code out x in} layer at {@code density}, DynaDiag's budget. */
    static int diagonals(int out, int in, double density) {
        return Diagonals.budget(out, in, density);
    }

    /** The density of {@code k} diagonals of an {@code out x in} layer, {@code k * D / (out * in)}. */
    static double density(int out, int in, int k) {
        return (double) k * DiagonalPattern.length(out, in) / ((double) out * in);
    }

    /**
     * The budget of an {@code out x in} layer in {@code weights}' format at {@code density}: the
     * diagonal budget's K for {@code diagonal}, its {@code K * D} entries in blocks for
     * {@code blockRxC}, and (for {@code csr}) its K with the density of {@code K * D} entries.
     */
    static Budget budget(String weights, int out, int in, double density) {
        int k = diagonals(out, in, density);
        if (!weights.startsWith("block")) {
            return new Budget(k, density(out, in, k));
        }
        int[] shape = blockShape(weights);
        double entries = (double) k * DiagonalPattern.length(out, in);
        int blocks = (int) Math.round(entries / (shape[0] * shape[1]));
        return new Budget(blocks, (double) blocks * shape[0] * shape[1] / ((double) out * in));
    }

    /** {@code {br, bc}} of a {@code blockRxC} weights value. */
    static int[] blockShape(String weights) {
        String[] parts = weights.substring("block".length()).split("x");
        if (!weights.startsWith("block") || parts.length != 2) {
            throw new IllegalArgumentException("a block format is blockRxC such as block4x4, got " + weights);
        }
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    /** "diagonal", or "block 4x4" for {@code block4x4}: a format's name in tables. */
    static String label(String weights) {
        return weights.startsWith("block") ? "block " + weights.substring("block".length()) : weights;
    }

    @Setup(Level.Trial)
    public void setUp() {
        LayerOperands l = LayerOperands.of(layer, batch);
        Budget b = budget(weights, l.out(), l.in(), density);
        products = switch (weights) {
            case "dense" -> LayerProducts.dense(LayerOperands.kernels(threads), l);
            case "csr" -> LayerProducts.sparse(LayerOperands.kernels(threads), l, b.density());
            case "diagonal" -> LayerProducts.diagonal(LayerOperands.kernels(threads), l, b.units());
            default -> {
                int[] shape = blockShape(weights);
                yield LayerProducts.block(LayerOperands.kernels(threads), l, shape[0], shape[1], b.units());
            }
        };
    }
}

package rewire.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import rewire.kernel.Kernels;
import rewire.optim.Schedule;
import rewire.sparsity.Cadence;
import rewire.sparsity.PruneCriterion;
import rewire.sparsity.RewireReport;
import rewire.sparsity.Rewirer;
import rewire.tensor.Rng;

/**
 * The time and the allocation of one topology update, {@link Rewirer#maybeRewire} at an update
 * step, of a single {@code out x in} sparse layer: magnitude pruning of 30% of the connections and
 * regrowth of as many by one of the {@link RewireBenchmarkGrower}s.
 *
 * <p>An update replaces the layer's pattern, so every invocation starts from a fresh copy of the
 * same layer ({@link Level#Invocation} setup, outside the timed region). JMH's GC profiler
 * ({@code -prof gc}) counts the setup's allocation too: {@link #freshLayer} measures it alone, and
 * {@code bench/rewire.sh} subtracts it. The randomness of an update depends only on the step
 * ({@code rng.fold(step)}), so every invocation does exactly the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "-Xms4g", "-Xmx4g"})
public class RewireBenchmark {
    /** Fixed seed: every fork benchmarks the same layer and the same update. */
    static final long SEED = 20_260_301L;
    /** The update step: {@code Cadence.every(1)} updates at every step from 1. */
    static final long STEP = 1;
    /** The fraction of connections replaced by one update. */
    static final double DROP_FRACTION = 0.3;

    /** {@code out x in}. */
    @Param({"4096x4096"})
    public String layer;
    @Param({"128"})
    public int batch;
    @Param({"0.01", "0.1"})
    public double density;
    /** A {@link RewireBenchmarkGrower} key. */
    @Param({"random", "gradient", "momentum", "mixed", "ch2"})
    public String grower;
    /** {@code -Drewire.threads}: Rewire's pool and OpenBLAS's. */
    @Param({"1", "2"})
    public int threads;

    private Kernels kernels;
    private Rewirer rewirer;
    private RewireBenchmarkLayer start;
    private RewireBenchmarkLayer.Fresh fresh;
    private RewireReport last;
    private final Rng rng = new Rng(SEED);

    @Setup(Level.Trial)
    public void setUpTrial() {
        kernels = LayerOperands.kernels(threads);
        RewireBenchmarkGrower g = RewireBenchmarkGrower.of(grower);
        rewirer = rewirer(g);
        LayerOperands shape = LayerOperands.of(layer, 1);
        start = RewireBenchmarkLayer.create(shape.out(), shape.in(), batch, density, rewirer, kernels, SEED);
    }

    /** Magnitude pruning, drop fraction 0.3, constant count, an update at every step, {@code grower}'s growth. */
    static Rewirer rewirer(RewireBenchmarkGrower grower) {
        return Rewirer.builder()
                .cadence(Cadence.every(1))
                .dropFraction(Schedule.constant(DROP_FRACTION))
                .prune(PruneCriterion.magnitude())
                .grow(grower.criterion())
                .build();
    }

    @Setup(Level.Invocation)
    public void freshCopy() {
        fresh = start.fresh();
    }

    /** One topology update of the fresh layer. */
    @Benchmark
    public RewireReport update() {
        last = rewirer.maybeRewire(STEP, fresh.layers(), fresh.slots(), fresh.state(), rng, kernels);
        return last;
    }

    /** Nothing but the per-invocation setup: its allocation is the baseline to subtract from {@link #update}. */
    @Benchmark
    public Object freshLayer() {
        return fresh;
    }

    /** Fails the trial if the last update did not replace 30% of the connections at a constant count. */
    @TearDown(Level.Trial)
    public void checkLastUpdate() {
        if (last == null) {
            return;
        }
        int nnz = start.nnz();
        int expected = (int) Math.floor(DROP_FRACTION * nnz + 1e-9);
        if (!last.updated() || last.nnz() != nnz || last.pruned() != expected || last.grown() != expected) {
            throw new IllegalStateException(grower + " at density " + density + ": expected " + expected
                    + " pruned and grown at constant nnz " + nnz + ", got " + last.layers());
        }
    }
}

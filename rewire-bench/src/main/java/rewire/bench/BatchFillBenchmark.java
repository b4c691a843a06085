package rewire.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import rewire.data.Batcher;
import rewire.data.FashionMnist;
import rewire.data.LastBatch;
import rewire.data.Standardization;
import rewire.tensor.Rng;

/**
 * The input side of a training step: one shuffled batch of 128 Fashion-MNIST images gathered from
 * the training set (kept as bytes) and written standardized and feature-major by the data side's
 * plain-Java fill (no kernel provider takes part). Batches run through the whole epoch in order,
 * so every image is fetched from wherever it lies in the 47 MB of pixels, as in training. Needs
 * {@code apt-get install -y dataset-fashion-mnist}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class BatchFillBenchmark {
    private Batcher batcher;
    private int index;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        var train = FashionMnist.load().standardized(Standardization.Mode.GLOBAL).train();
        batcher = Batcher.shuffled(train, 128, LastBatch.DROP, new Rng(1));
    }

    /** The next batch of the epoch (the epoch's order is drawn once, at its first batch). */
    @Benchmark
    public Object nextBatch() {
        index = (index + 1) % batcher.batchesPerEpoch();
        return batcher.batch(0, index);
    }
}

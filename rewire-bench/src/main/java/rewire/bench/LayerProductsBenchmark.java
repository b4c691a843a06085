package rewire.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The four measurements of a linear layer's products, shared by the benchmarks that compare weight
 * formats: forward, input gradient, weight gradient, and the three together (the layer's share of a
 * training step). A subclass declares its parameters and sets {@link #products} in its trial setup;
 * JMH names each measurement after the subclass ({@code SparseLinearBenchmark.forward}).
 */
@State(Scope.Benchmark)
public abstract class LayerProductsBenchmark {
    /** The layer under measurement, in the format the subclass's parameters chose. */
    protected LayerProducts products;

    @Benchmark
    public Object forward() {
        return products.forward();
    }

    @Benchmark
    public Object inputGrad() {
        return products.inputGrad();
    }

    @Benchmark
    public Object weightGrad() {
        return products.weightGrad();
    }

    @Benchmark
    public Object step() {
        products.forward();
        products.inputGrad();
        return products.weightGrad();
    }
}

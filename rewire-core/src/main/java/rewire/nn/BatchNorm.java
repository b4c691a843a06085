package rewire.nn;

import java.util.List;
import rewire.autodiff.NormOps;
import rewire.autodiff.RunningStats;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Tensor;

/**
 * Batch normalization (Ioffe and Szegedy, ICML 2015) of every row of {@code x (F, N)}: a feature
 * of feature-major activations {@code (F, B)}, or a channel of convolution maps
 * {@code (C, B·H·W)} (PyTorch's {@code BatchNorm1d} and {@code BatchNorm2d} are the same op on
 * these layouts). A learned gain (initialized to 1) and bias (0), named {@code <name>.gain} and
 * {@code <name>.bias}; in training mode the batch statistics normalize and the running ones
 * (buffers {@code <name>.runningMean}, {@code <name>.runningVar}) follow them with momentum 0.1;
 * in evaluation mode the running statistics normalize.
 */
public final class BatchNorm extends Layer {
    /** PyTorch's defaults. */
    public static final double EPS = 1e-5;
    public static final double MOMENTUM = 0.1;

    private final String name;
    private final DenseParam gain;
    private final DenseParam bias;
    private final RunningStats running;

    /** A layer over {@code features} rows with PyTorch's epsilon and momentum. */
    public BatchNorm(String name, int features) {
        if (features < 1) {
            throw new IllegalArgumentException(name + ": batch norm needs at least one feature, got " + features);
        }
        this.name = name;
        this.gain = new DenseParam(name + ".gain", Tensor.zeros(features).fill(1f));
        this.bias = new DenseParam(name + ".bias", Tensor.zeros(features));
        this.running = RunningStats.fresh(features, MOMENTUM);
    }

    /** {@code x (F, N) -> y (F, N)}. */
    @Override
    public Var forward(Tape tape, Var x) {
        return NormOps.batchNorm(tape, x, gain.var(), bias.var(), running, EPS, isTraining());
    }

    @Override
    protected List<Param> ownParams() {
        return List.of(gain, bias);
    }

    @Override
    protected List<Buffer> ownBuffers() {
        return List.of(new Buffer(name + ".runningMean", running.mean()),
                new Buffer(name + ".runningVar", running.variance()));
    }

    /** The running statistics (live). */
    public RunningStats running() {
        return running;
    }

    @Override
    public String toString() {
        return "BatchNorm(" + running.features() + ")";
    }
}

package rewire.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import rewire.autodiff.LinearOps;
import rewire.autodiff.SpectralEstimate;
import rewire.autodiff.SpectralNormOps;
import rewire.autodiff.Tape;
import rewire.autodiff.TransposedLinearOps;
import rewire.autodiff.Var;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * A dense linear layer {@code y (out, B) = W (out, in) · x (in, B) + b (out,)}, through dense
 * GEMM. Parameters are named {@code <name>.weight} and {@code <name>.bias}. A layer made by
 * {@link #spectrallyNormalized} multiplies by {@code W / σ(W)} ({@link SpectralNormOps}), with its
 * power-iteration vectors as buffers {@code <name>.weight.u} and {@code .v}.
 */
public final class Linear extends Layer {
    private final DenseParam weight;
    private final DenseParam bias;
    private final SpectralEstimate spectral;
    private InputObserver observer = InputObserver.NONE;

    /**
     * A layer over existing parameters.
     *
     * @param weight {@code (out, in)}
     * @param bias   {@code (out,)}, or null for none
     */
    public Linear(DenseParam weight, DenseParam bias) {
        this(weight, bias, null);
    }

    private Linear(DenseParam weight, DenseParam bias, SpectralEstimate spectral) {
        Tensor w = weight.value();
        if (w.rank() != 2) {
            throw new IllegalArgumentException(weight.name() + ": weight must be (out, in), got " + w.shape());
        }
        if (bias != null && bias.size() != w.rows()) {
            throw new IllegalArgumentException(bias.name() + ": bias " + bias.value().shape() + " needs "
                    + w.rows() + " entries for weight " + w.shape());
        }
        this.weight = weight;
        this.bias = bias;
        this.spectral = spectral;
    }

    /** This layer's parameters behind spectral normalization, with power-iteration vectors drawn from {@code rng}. */
    public Linear spectrallyNormalized(Rng rng) {
        return new Linear(weight, bias, new SpectralEstimate(out(), in(), rng));
    }

    /** A layer with Kaiming-normal weights and a zero bias. */
    public static Linear create(String name, int in, int out, Rng rng) {
        return create(name, in, out, true, Init.kaimingNormal(), rng);
    }

    /** A layer with weights drawn by {@code init} and, when {@code withBias}, a zero bias. */
    public static Linear create(String name, int in, int out, boolean withBias, Init init, Rng rng) {
        Tensor w = Tensor.zeros(out, in);
        init.fill(w, rng);
        DenseParam b = withBias ? new DenseParam(name + ".bias", Tensor.zeros(out)) : null;
        return new Linear(new DenseParam(name + ".weight", w), b);
    }

    /** {@code x (in, B) -> y (out, B)}. */
    @Override
    public Var forward(Tape tape, Var x) {
        observer.observe(x.value());
        Var w = spectral == null ? weight.var() : SpectralNormOps.spectralNorm(tape, weight.var(), spectral, isTraining());
        Var y = LinearOps.linear(tape, x, w);
        return bias == null ? y : LinearOps.addBias(tape, y, bias.var());
    }

    /**
     * {@code x (out, B) -> Wᵀ · x (in, B)}: the product through this layer's transpose, the core of
     * a dense transposed convolution ({@link ConvTranspose2d}); a layer with a bias cannot run
     * transposed.
     */
    public Var forwardTransposed(Tape tape, Var x) {
        if (bias != null || spectral != null) {
            throw new IllegalStateException(weight.name() + ": a layer with a bias per output row or spectral "
                    + "normalization cannot run transposed");
        }
        return TransposedLinearOps.linear(tape, x, weight.var());
    }

    @Override
    protected List<Buffer> ownBuffers() {
        return spectral == null ? List.of() : List.of(new Buffer(weight.name() + ".u", spectral.u()),
                new Buffer(weight.name() + ".v", spectral.v()));
    }

    @Override
    protected List<Param> ownParams() {
        List<Param> own = new ArrayList<>(List.of(weight));
        if (bias != null) {
            own.add(bias);
        }
        return own;
    }

    /** Shows every forward pass's input to {@code o} from now on ({@link InputObserver#NONE} stops). */
    public void observeInputs(InputObserver o) {
        observer = Objects.requireNonNull(o, "observer");
    }

    public DenseParam weight() {
        return weight;
    }

    /** The bias, or null. */
    public DenseParam bias() {
        return bias;
    }

    public int in() {
        return weight.value().cols();
    }

    public int out() {
        return weight.value().rows();
    }

    @Override
    public String toString() {
        return "Linear(" + in() + " -> " + out() + ")";
    }
}

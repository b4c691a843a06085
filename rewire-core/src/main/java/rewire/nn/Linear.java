package rewire.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import rewire.autodiff.LinearOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * A dense linear layer {@code y (out, B) = W (out, in) · x (in, B) + b (out,)}, through dense
 * GEMM. Parameters are named {@code <name>.weight} and {@code <name>.bias}.
 */
public final class Linear extends Layer {
    private final DenseParam weight;
    private final DenseParam bias;
    private InputObserver observer = InputObserver.NONE;

    /**
     * A layer over existing parameters.
     *
     * @param weight {@code (out, in)}
     * @param bias   {@code (out,)}, or null for none
     */
    public Linear(DenseParam weight, DenseParam bias) {
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
        Var y = LinearOps.linear(tape, x, Var.param(weight.value(), weight.gradTensor()));
        return bias == null ? y : LinearOps.addBias(tape, y, Var.param(bias.value(), bias.gradTensor()));
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

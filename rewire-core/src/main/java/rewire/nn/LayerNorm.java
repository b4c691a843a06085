package rewire.nn;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.NormOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Tensor;

/**
 * Layer normalization of every column of {@code x (F, N)} with a learned gain (initialized to 1)
 * and an optional bias (initialized to 0), named {@code <name>.gain} and {@code <name>.bias}.
 * The names do not end in ".weight", so weight decay that spares vectors spares them.
 */
public final class LayerNorm extends Layer {
    /** The epsilon of PyTorch's {@code nn.LayerNorm}. */
    public static final double EPS = 1e-5;

    private final DenseParam gain;
    private final DenseParam bias;

    /** A layer over {@code features} features; {@code withBias} false leaves the bias out (nanoGPT's default). */
    public LayerNorm(String name, int features, boolean withBias) {
        if (features < 1) {
            throw new IllegalArgumentException(name + ": layer norm needs at least one feature, got " + features);
        }
        this.gain = new DenseParam(name + ".gain", Tensor.zeros(features).fill(1f));
        this.bias = withBias ? new DenseParam(name + ".bias", Tensor.zeros(features)) : null;
    }

    /** {@code x (F, N) -> y (F, N)}. */
    @Override
    public Var forward(Tape tape, Var x) {
        return NormOps.layerNorm(tape, x, gain.var(), bias == null ? null : bias.var(), EPS);
    }

    @Override
    protected List<Param> ownParams() {
        List<Param> own = new ArrayList<>(List.of(gain));
        if (bias != null) {
            own.add(bias);
        }
        return own;
    }
}

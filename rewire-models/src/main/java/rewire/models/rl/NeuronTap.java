package rewire.models.rl;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.Layer;
import rewire.tensor.Tensor;

/**
 * The identity, placed after a hidden layer's activation so diagnostics can read that layer's
 * neurons ({@link Plasticity}): while {@link #arm}ed it keeps a copy of every output it passes
 * on, {@code (units, B)}. Training never arms it.
 */
final class NeuronTap extends Layer {
    private List<Tensor> seen;

    /** Starts keeping outputs, forgetting any kept before. */
    void arm() {
        seen = new ArrayList<>();
    }

    /** The outputs kept since {@link #arm}, and stops keeping them. */
    List<Tensor> disarm() {
        List<Tensor> out = seen == null ? List.of() : seen;
        seen = null;
        return out;
    }

    /** {@code x (units, B) -> x}. */
    @Override
    public Var forward(Tape tape, Var x) {
        if (seen != null) {
            seen.add(x.value().copy());
        }
        return x;
    }

    @Override
    public String toString() {
        return "NeuronTap";
    }
}

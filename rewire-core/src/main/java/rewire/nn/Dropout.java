package rewire.nn;

import rewire.autodiff.Activations;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Rng;

/**
 * Inverted dropout with probability {@code p} in training mode, the identity in evaluation mode.
 * Each training forward pass draws its mask from a fresh child of the module's generator, so a
 * run is reproducible from the seed and the number of forward passes.
 */
public final class Dropout extends Layer {
    private final double p;
    private final Rng rng;

    public Dropout(double p, Rng rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    @Override
    public Var forward(Tape tape, Var x) {
        return isTraining() ? Activations.dropout(tape, x, p, true, rng.split()) : x;
    }

    @Override
    public String toString() {
        return "Dropout(" + p + ")";
    }
}

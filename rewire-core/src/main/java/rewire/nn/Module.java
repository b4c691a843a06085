package rewire.nn;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * A piece of a network: it records its computation on a {@link Tape} and owns parameters.
 * Activations are feature-major {@code (features, B)}, or {@code (C, B·H·W)} for convolution
 * maps (see {@code rewire.autodiff}); each module states its shapes.
 *
 * <p>A module is in training mode when made; {@link #eval()} and {@link #train()} switch it and
 * every module it contains. Only mode-dependent modules (dropout) look at the mode.
 */
public abstract class Module {
    private boolean training = true;

    /** Applies this module to {@code x}, recording onto {@code tape}. */
    public abstract Var forward(Tape tape, Var x);

    /** The modules this one contains, in order; empty for a leaf module. */
    public List<Module> children() {
        return List.of();
    }

    /** The parameters this module owns itself, not counting its children's. */
    protected List<Param> ownParams() {
        return List.of();
    }

    /** Every trainable parameter: this module's own, then each child's, depth first. */
    public final List<Param> params() {
        List<Param> all = new ArrayList<>(ownParams());
        for (Module child : children()) {
            all.addAll(child.params());
        }
        return all;
    }

    /** Switches this module and all it contains to training mode. */
    public final Module train() {
        setTraining(true);
        return this;
    }

    /** Switches this module and all it contains to evaluation mode. */
    public final Module eval() {
        setTraining(false);
        return this;
    }

    public final boolean isTraining() {
        return training;
    }

    private void setTraining(boolean mode) {
        training = mode;
        for (Module child : children()) {
            child.setTraining(mode);
        }
    }
}

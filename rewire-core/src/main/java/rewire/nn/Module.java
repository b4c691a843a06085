package rewire.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a model's parameter tree: it owns parameters and contains modules. How a module
 * computes is its own entry point: a {@link Layer} maps one {@code Var} to one {@code Var}; a
 * language model reads token ids, a recurrent network a sequence and a state. Activations are
 * feature-major {@code (features, B)}, or {@code (C, B·H·W)} for convolution maps (see
 * {@code rewire.autodiff}); each module states its shapes.
 *
 * <p>A module is in training mode when made; {@link #eval()} and {@link #train()} switch it and
 * every module it contains. Only mode-dependent modules (dropout, batch norm, spectral norm) look
 * at the mode.
 *
 * <p>Besides parameters a module may keep {@link Buffer}s: state that is not trained (running
 * statistics), which checkpoints save through {@link #buffers()}.
 */
public abstract class Module {
    private boolean training = true;

    /** The modules this one contains, in order; empty for a leaf module. */
    public List<Module> children() {
        return List.of();
    }

    /** The parameters this module owns itself, not counting its children's. */
    protected List<Param> ownParams() {
        return List.of();
    }

    /** The buffers this module owns itself, not counting its children's; none by default. */
    protected List<Buffer> ownBuffers() {
        return List.of();
    }

    /** Every buffer: this module's own, then each child's, depth first. */
    public final List<Buffer> buffers() {
        List<Buffer> all = new ArrayList<>(ownBuffers());
        for (Module child : children()) {
            all.addAll(child.buffers());
        }
        return all;
    }

    /** Every trainable parameter: this module's own, then each child's, depth first. */
    public final List<Param> params() {
        List<Param> all = new ArrayList<>(ownParams());
        for (Module child : children()) {
            all.addAll(child.params());
        }
        return all;
    }

    /**
     * Turns the gradients of every parameter of this module on or off ({@link Param#setRequiresGrad}):
     * off, the module is a fixed function whose forward passes still carry gradients to their
     * inputs (a GAN's discriminator under the generator's loss).
     */
    public final Module requireGrad(boolean on) {
        params().forEach(p -> p.setRequiresGrad(on));
        return this;
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

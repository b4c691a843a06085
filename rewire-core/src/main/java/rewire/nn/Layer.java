package rewire.nn;

import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * A module that maps one {@link Var} to one {@link Var}: what {@link Sequential} chains. Models
 * with other inputs (token ids, episode batches, a recurrent state) are plain {@link Module}s with
 * entry points of their own and hold layers as children.
 */
public abstract class Layer extends Module {

    /** Applies this layer to {@code x}, recording onto {@code tape}; each layer states its shapes. */
    public abstract Var forward(Tape tape, Var x);
}

package rewire.sparsity;

import java.util.List;
import rewire.kernel.Kernels;
import rewire.sparse.Remap;
import rewire.tensor.Tensor;

/**
 * What a part of the engine keeps for one layer between updates: SNFS's dense momentum
 * ({@link DenseMomentum}), the positions ever active behind the exploration rate
 * ({@link EverActive}). The part that needs the state creates it ({@link GrowCriterion#newState});
 * a {@link RewireState} holds it for the run.
 *
 * <p>Call order: created for a layer (init); {@link #observe} at every training step whose
 * batch the state needs, before that step's update; {@link #remap} at every topology change of
 * the layer, with the same {@link Remap} as the weights; {@link #arrays} to save it and
 * {@link #restore} to read it back, so a resumed run continues exactly.
 */
public interface CriterionState {

    /** Whether {@link #observe} must see every training step's batch. */
    default boolean observesBatches() {
        return false;
    }

    /**
     * Folds in one step's batch of the layer.
     *
     * <pre>
     * x : (cols, B) feature-major inputs   dy : (rows, B) output gradients
     * </pre>
     */
    default void observe(Tensor x, Tensor dy, Kernels kernels) {
    }

    /** Follows the layer's topology change: per-connection state moves through {@code remap}. */
    default void remap(Remap remap) {
    }

    /** The state as named arrays (copies), for a checkpoint. */
    List<StateArray> arrays();

    /**
     * Restores one array saved by {@link #arrays}.
     *
     * @throws IllegalArgumentException if the name, kind or length does not match
     */
    void restore(StateArray saved);

    /** No state. */
    static CriterionState none() {
        return Stateless.INSTANCE;
    }

    /** The state of a part that keeps none. */
    enum Stateless implements CriterionState {
        INSTANCE;

        @Override
        public List<StateArray> arrays() {
            return List.of();
        }

        @Override
        public void restore(StateArray saved) {
            throw new IllegalArgumentException("no state to restore " + saved.name() + " into");
        }
    }
}

package rewire.nn;

/**
 * A trainable parameter: a connection-aligned array of values and one of gradients of the same
 * length. For a {@link DenseParam} every element is a connection; for a {@link SparseParam} the
 * connections are the entries of its sparsity pattern, and the arrays are replaced when the
 * topology changes.
 *
 * <p>Optimizers and the DST engine see only this view, so they work the same on both kinds.
 */
public sealed interface Param permits DenseParam, SparseParam {

    /** A stable name, unique within a model, such as "fc1.weight". */
    String name();

    /** The values, one per connection; written in place by optimizers. */
    float[] values();

    /** The gradient, aligned with {@link #values()}; accumulated by backward, cleared per step. */
    float[] grad();

    /** Number of connections (length of values and grad). */
    default int size() {
        return values().length;
    }

    /** Sets the gradient to zero. */
    default void zeroGrad() {
        java.util.Arrays.fill(grad(), 0f);
    }
}

package rewire.autodiff;

import rewire.sparse.CsrMatrix;
import rewire.tensor.Shape;
import rewire.tensor.Tensor;

/**
 * A value in a computation recorded on a {@link Tape}: a tensor, the gradient of the loss with
 * respect to it (allocated when backward first reaches it), and the name of the op that made it.
 *
 * <p>Kinds of variables:
 * <ul>
 * <li>{@link #constant} – data that needs no gradient (inputs, targets, masks);</li>
 * <li>{@link #leaf} – a tensor whose gradient is wanted; the variable owns a gradient tensor that
 *     persists, and backward adds into it;</li>
 * <li>{@link #sparseConstant} – a sparse weight that needs no gradient (a frozen layer);</li>
 * <li>{@link #param} / {@link #sparseParam} – a parameter's storage: the value and the gradient
 *     are the parameter's own arrays, so backward accumulates straight into {@code Param.grad()}.
 *     A sparse parameter's value is the {@code (nnz,)} vector of its entries and its gradient is
 *     aligned with them; the {@link CsrMatrix} is kept for the sparse kernels;</li>
 * <li>op results – made by the ops on a tape; their value and gradient live in the tape's reused
 *     buffers and are valid until {@link Tape#clear()}.</li>
 * </ul>
 */
public final class Var {
    private final Tensor value;
    private final CsrMatrix sparse;
    private final boolean requiresGrad;
    private final boolean tapeOwned;
    private final String op;
    private Tensor grad;

    private Var(Tensor value, CsrMatrix sparse, boolean requiresGrad, boolean tapeOwned, String op, Tensor grad) {
        this.value = value;
        this.sparse = sparse;
        this.requiresGrad = requiresGrad;
        this.tapeOwned = tapeOwned;
        this.op = op;
        this.grad = grad;
    }

    /** Data that needs no gradient. */
    public static Var constant(Tensor value) {
        return new Var(value, null, false, false, "constant", null);
    }

    /** A tensor whose gradient is wanted; its gradient tensor is allocated on first use and kept. */
    public static Var leaf(Tensor value) {
        return new Var(value, null, true, false, "leaf", null);
    }

    /** A sparse weight whose entries need no gradient: the value is the {@code (nnz,)} entries of {@code weight}. */
    public static Var sparseConstant(CsrMatrix weight) {
        return new Var(Tensor.wrap(weight.values(), weight.nnz()), weight, false, false, "sparseConstant", null);
    }

    /** A dense parameter: backward adds into {@code grad}, which must have the value's shape. */
    public static Var param(Tensor value, Tensor grad) {
        if (!value.shape().equals(grad.shape())) {
            throw new IllegalArgumentException("parameter value " + value.shape() + " and gradient "
                    + grad.shape() + " must have the same shape");
        }
        return new Var(value, null, true, false, "param", grad);
    }

    /**
     * A sparse parameter: the value is the {@code (nnz,)} entries of {@code weight} (not copied),
     * and backward adds into {@code grad}, aligned with those entries.
     */
    public static Var sparseParam(CsrMatrix weight, float[] grad) {
        if (grad.length != weight.nnz()) {
            throw new IllegalArgumentException("sparse parameter gradient has length " + grad.length
                    + " but the weight has nnz " + weight.nnz());
        }
        return new Var(Tensor.wrap(weight.values(), weight.nnz()), weight, true, false, "sparseParam",
                Tensor.wrap(grad, weight.nnz()));
    }

    /** An op result whose value lives in a tape's buffer. */
    static Var result(String op, Tensor value, boolean requiresGrad) {
        return new Var(value, null, requiresGrad, true, op, null);
    }

    /** A sparse op result: a matrix whose {@code (nnz,)} values live in a tape's buffer. */
    static Var sparseResult(String op, CsrMatrix value, boolean requiresGrad) {
        return new Var(Tensor.wrap(value.values(), value.nnz()), value, requiresGrad, true, op, null);
    }

    public Tensor value() {
        return value;
    }

    /** The gradient, or null when backward has not reached this variable (or it needs none). */
    public Tensor grad() {
        return grad;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** True when this is a sparse weight: the value is its {@code (nnz,)} entries. */
    public boolean isSparse() {
        return sparse != null;
    }

    /** The sparse weight whose entries this variable holds. */
    public CsrMatrix csr() {
        if (sparse == null) {
            throw new IllegalStateException("variable of shape " + value.shape() + " made by " + op + " is not sparse");
        }
        return sparse;
    }

    /** The name of the op that made this variable, or its kind for variables made outside a tape. */
    public String op() {
        return op;
    }

    public Shape shape() {
        return value.shape();
    }

    /** The single value of a scalar, such as a loss. */
    public float item() {
        if (value.size() != 1) {
            throw new IllegalStateException("item() of a variable of shape " + value.shape());
        }
        return value.data()[0];
    }

    boolean tapeOwned() {
        return tapeOwned;
    }

    void setGrad(Tensor grad) {
        assert this.grad == null;
        this.grad = grad;
    }

    @Override
    public String toString() {
        return "Var(" + op + ", " + (sparse != null ? sparse.toString() : value.shape().toString())
                + (requiresGrad ? ", requires grad" : "") + ")";
    }
}

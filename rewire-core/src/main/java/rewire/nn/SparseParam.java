package rewire.nn;

import rewire.autodiff.Var;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;

/**
 * A sparse weight matrix: a {@link CsrMatrix} and a gradient aligned with its entries. Its
 * topology changes only through {@link #remap}, which moves weight and gradient together; the
 * optimizer's slots move through the same {@link Remap} (see {@code rewire.optim.Slots}).
 */
public final class SparseParam implements Param {
    private final String name;
    private CsrMatrix weight;
    private float[] grad;
    private boolean requiresGrad = true;

    public SparseParam(String name, CsrMatrix weight) {
        this.name = name;
        this.weight = weight;
        this.grad = new float[weight.nnz()];
    }

    @Override
    public String name() {
        return name;
    }

    public CsrMatrix weight() {
        return weight;
    }

    public SparsityPattern pattern() {
        return weight.pattern();
    }

    /** Rows (outputs) of the weight matrix. */
    public int rows() {
        return weight.rows();
    }

    /** Columns (inputs) of the weight matrix. */
    public int cols() {
        return weight.cols();
    }

    @Override
    public float[] values() {
        return weight.values();
    }

    @Override
    public float[] grad() {
        return grad;
    }

    /**
     * Moves this parameter to {@code remap}'s new pattern: kept weights and gradients are copied
     * bit for bit; grown weights take {@code growInit[i]} for the i-th grown entry in entry order
     * (or zero when {@code growInit} is null), grown gradients are zero.
     */
    public void remap(Remap remap, float[] growInit) {
        if (!remap.from().equals(weight.pattern())) {
            throw new IllegalArgumentException(name + ": remap starts from " + remap.from()
                    + " but the parameter has " + weight.pattern());
        }
        float[] values = remap.apply(weight.values(), 0f);
        if (growInit != null) {
            if (growInit.length != remap.grown()) {
                throw new IllegalArgumentException(name + ": " + growInit.length + " initial values for "
                        + remap.grown() + " grown entries");
            }
            int[] grown = remap.grownEntries();
            for (int g = 0; g < grown.length; g++) {
                values[grown[g]] = growInit[g];
            }
        }
        this.weight = new CsrMatrix(remap.to(), values);
        this.grad = remap.apply(grad, 0f);
    }

    @Override
    public boolean requiresGrad() {
        return requiresGrad;
    }

    @Override
    public void setRequiresGrad(boolean on) {
        requiresGrad = on;
    }

    @Override
    public Var var() {
        return requiresGrad ? Var.sparseParam(weight, grad) : Var.sparseConstant(weight);
    }

    @Override
    public String toString() {
        return "SparseParam(" + name + ", " + weight + ")";
    }
}

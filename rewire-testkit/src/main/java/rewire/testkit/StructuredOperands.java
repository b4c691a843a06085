package rewire.testkit;

import rewire.tensor.Tensor;

/**
 * The operands of one {@link StructuredCase}, feature-major, with initial outputs for
 * accumulation:
 * <pre>
 * w : (rows, cols), nnz values   x : (cols, B)   dy : (rows, B)   bias : (rows,)
 * y0 : (rows, B)   dx0 : (cols, B)   dv0 : (nnz,) in the format's entry order
 * </pre>
 */
record StructuredOperands<M>(M w, Tensor x, Tensor dy, Tensor bias, Tensor y0, Tensor dx0, float[] dv0) {

    /** The same operands with every value replaced by its absolute value (for tolerances, see FloatChecks). */
    StructuredOperands<M> abs(FormatAdapter<M, ?> format) {
        return new StructuredOperands<>(format.withValues(w, FloatChecks.abs(format.values(w))), FloatChecks.abs(x),
                FloatChecks.abs(dy), FloatChecks.abs(bias), FloatChecks.abs(y0), FloatChecks.abs(dx0),
                FloatChecks.abs(dv0));
    }
}

package rewire.testkit;

import java.util.ArrayList;
import java.util.List;
import rewire.kernel.Kernels;
import rewire.tensor.Tensor;
import rewire.testkit.KernelCases.SparseOperands;
import rewire.testkit.KernelContract.NamedRun;

/**
 * The sparse ops of the {@link Kernels} facade as runs over {@link SparseOperands}, each on
 * fresh copies of the initial outputs so a run can be repeated on other kernels.
 */
final class SparseRuns {
    private SparseRuns() {
    }

    /** Every sparse op the contract checks, with and without accumulation where it exists. */
    static List<NamedRun<SparseOperands>> all() {
        List<NamedRun<SparseOperands>> runs = new ArrayList<>();
        for (boolean acc : new boolean[] {false, true}) {
            runs.add(mult(acc));
            runs.add(multTransA(acc));
            runs.add(sampledMultTransB(acc));
            runs.add(sampledMultTransBGated(acc));
        }
        runs.add(multAddBiasRelu());
        // y (B, rows) = x (B, cols) · Wᵀ
        runs.add(new NamedRun<>("multTransB x·Wᵀ (batch-major)", false, (k, o) -> {
            Tensor y = Tensor.zeros(o.x().cols(), o.w().rows());
            k.multTransB(o.x().transpose(), o.w(), y);
            return y.data();
        }));
        // dx (B, cols) = dy (B, rows) · W
        runs.add(new NamedRun<>("mult dy·W (batch-major)", false, (k, o) -> {
            Tensor dx = Tensor.zeros(o.dy().cols(), o.w().cols());
            k.mult(o.dy().transpose(), o.w(), dx);
            return dx.data();
        }));
        // dW (nnz,) = (dyᵀ · x)|W with dy (B, rows), x (B, cols)
        runs.add(new NamedRun<>("sampledMultTransA (dyᵀ·x)|W (batch-major)", false, (k, o) -> {
            float[] dw = new float[o.w().nnz()];
            k.sampledMultTransA(o.dy().transpose(), o.x().transpose(), o.w().pattern(), dw);
            return dw;
        }));
        // xᵀ (B, cols) = x (cols, B)ᵀ: no arithmetic, so exact
        runs.add(new NamedRun<>("transpose x", true, (k, o) -> k.transpose(o.x()).data()));
        return runs;
    }

    /** {@code y (rows, B) (+)= W · x}. */
    static NamedRun<SparseOperands> mult(boolean accumulate) {
        return new NamedRun<>("mult W·x" + suffix(accumulate), false, (k, o) -> {
            Tensor y = o.y0().copy();
            k.mult(o.w(), o.x(), y, accumulate);
            return y.data();
        });
    }

    /** {@code dx (cols, B) (+)= Wᵀ · dy}. */
    static NamedRun<SparseOperands> multTransA(boolean accumulate) {
        return new NamedRun<>("multTransA Wᵀ·dy" + suffix(accumulate), false, (k, o) -> {
            Tensor dx = o.dx0().copy();
            k.multTransA(o.w(), o.dy(), dx, accumulate);
            return dx.data();
        });
    }

    /** {@code dW (nnz,) (+)= (dy (rows, B) · x (cols, B)ᵀ)|W}. */
    static NamedRun<SparseOperands> sampledMultTransB(boolean accumulate) {
        return new NamedRun<>("sampledMultTransB (dy·xᵀ)|W" + suffix(accumulate), false, (k, o) -> {
            float[] dw = o.dw0().clone();
            k.sampledMultTransB(o.dy(), o.x(), o.w().pattern(), dw, accumulate);
            return dw;
        });
    }

    /** {@code y (rows, B) = max(W · x + b · 1ᵀ, 0)} with {@code b (rows,)} = {@link #bias}. */
    static NamedRun<SparseOperands> multAddBiasRelu() {
        return new NamedRun<>("multAddBiasRelu max(W·x + b, 0)", false, (k, o) -> {
            Tensor y = o.y0().copy();
            k.multAddBiasRelu(o.w(), o.x(), bias(o), y);
            return y.data();
        });
    }

    /** {@code dW (nnz,) (+)= ((dy ⊙ [y0 > 0]) · xᵀ)|W}, gating a copy of {@code dy} in place. */
    static NamedRun<SparseOperands> sampledMultTransBGated(boolean accumulate) {
        return new NamedRun<>("sampledMultTransBGated (dy⊙[y0>0]·xᵀ)|W" + suffix(accumulate), false, (k, o) -> {
            float[] dw = o.dw0().clone();
            k.sampledMultTransBGated(o.dy().copy(), o.y0(), o.x(), o.w().pattern(), dw, accumulate);
            return dw;
        });
    }

    /** A bias for the operands' rows: the first column of {@code y0} (so the abs operands give its abs). */
    static Tensor bias(SparseOperands o) {
        Tensor y0 = o.y0();
        Tensor b = Tensor.zeros(y0.rows());
        for (int r = 0; r < y0.rows(); r++) {
            b.data()[r] = y0.data()[r * y0.cols()];
        }
        return b;
    }

    private static String suffix(boolean accumulate) {
        return accumulate ? ", accumulate" : "";
    }
}

package rewire.autodiff;

import rewire.kernel.Kernels;
import rewire.sparse.CsrMatrix;
import rewire.tensor.Tensor;

/**
 * Linear maps through the transpose of a weight, {@code y = Wᵀ · x}: the product of a transposed
 * convolution ({@link ConvOps#convTranspose2d}), whose weight keeps PyTorch's layout
 * {@code (Cin, Cout·k·k)} so that Erdos-Renyi-Kernel budgets see the kernel shape
 * {@code (Cin, Cout, k, k)}. The kernels are those of {@link LinearOps} with the roles of forward
 * and input gradient exchanged:
 *
 * <pre>
 * x : (rows, B)   W : (rows, cols)   y = Wᵀ · x : (cols, B)
 * dx = W · dy : (rows, B)            dW = x · dyᵀ : (rows, cols), or only its entries on W's pattern
 * </pre>
 * The dense weight gradient of a sparse W is {@code x · dyᵀ}: growth reads it from the batch with
 * input and output gradient exchanged ({@code SparseLinear.forwardTransposed}).
 */
public final class TransposedLinearOps {
    private TransposedLinearOps() {
    }

    /** Dense weight: {@code y (cols, B) = Wᵀ (cols, rows) · x (rows, B)} through dense GEMM. */
    public static Var linear(Tape tape, Var x, Var w) {
        Checks.requireMatrix("linearTransposed", "weight", w);
        Checks.requireMatrix("linearTransposed", "input", x);
        requireInputRows("linearTransposed", w.value().rows(), x);
        Kernels k = tape.kernels();
        Var y = tape.output("linearTransposed", Tape.anyRequiresGrad(x, w), w.value().cols(), x.value().cols());
        k.gemm(true, false, w.value(), x.value(), y.value(), false);
        tape.onBackward(y, () -> {
            Tensor dy = y.grad();
            if (w.requiresGrad()) {
                k.gemm(false, true, x.value(), dy, tape.grad(w), true);  // dW (rows, cols) += x · dyᵀ
            }
            if (x.requiresGrad()) {
                Tape.GradTarget dx = tape.gradTarget(x);  // dx (rows, B) (+)= W · dy
                k.gemm(false, false, w.value(), dy, dx.tensor(), dx.accumulate());
            }
        });
        return y;
    }

    /**
     * Sparse weight in CSR: {@code y (cols, B) = Wᵀ · x} in O(nnz · B); the weight gradient is the
     * {@code (nnz,)} vector {@code (x · dyᵀ)} sampled on W's pattern.
     */
    public static Var sparseLinear(Tape tape, Var x, Var w) {
        CsrMatrix weight = Checks.requireSparse("sparseLinearTransposed", "weight", w);
        Checks.requireMatrix("sparseLinearTransposed", "input", x);
        requireInputRows("sparseLinearTransposed", weight.rows(), x);
        Kernels k = tape.kernels();
        Var y = tape.output("sparseLinearTransposed", Tape.anyRequiresGrad(x, w), weight.cols(), x.value().cols());
        k.multTransA(weight, x.value(), y.value(), false);
        tape.onBackward(y, () -> {
            Tensor dy = y.grad();
            if (w.requiresGrad()) {
                // dW (nnz,) += (x (rows, B) · dy (cols, B)ᵀ)|pattern
                k.sampledMultTransB(x.value(), dy, weight.pattern(), tape.grad(w).data(), true);
            }
            if (x.requiresGrad()) {
                Tape.GradTarget dx = tape.gradTarget(x);  // dx (rows, B) (+)= W · dy
                k.mult(weight, dy, dx.tensor(), dx.accumulate());
            }
        });
        return y;
    }

    /**
     * Sparse weight computed densely, as {@link LinearOps#maskedLinear}: the entries scattered into
     * a dense {@code (rows, cols)} copy, the products as dense GEMMs, the weight gradient
     * {@code x · dyᵀ} gathered onto the pattern; the same values as {@link #sparseLinear}.
     */
    public static Var maskedLinear(Tape tape, Var x, Var w) {
        CsrMatrix weight = Checks.requireSparse("maskedLinearTransposed", "weight", w);
        Checks.requireMatrix("maskedLinearTransposed", "input", x);
        requireInputRows("maskedLinearTransposed", weight.rows(), x);
        Kernels k = tape.kernels();
        Var y = tape.output("maskedLinearTransposed", Tape.anyRequiresGrad(x, w), weight.cols(), x.value().cols());
        Tensor dense = tape.scratch(weight.rows(), weight.cols());
        LinearOps.scatter(weight, dense.data());
        k.gemm(true, false, dense, x.value(), y.value(), false);
        tape.onBackward(y, () -> {
            Tensor dy = y.grad();
            if (w.requiresGrad()) {
                Tensor full = tape.scratch(weight.rows(), weight.cols());
                k.multTransB(x.value(), dy, full);  // full (rows, cols) = x · dyᵀ
                LinearOps.gatherAdd(full.data(), weight.pattern(), tape.grad(w).data());
            }
            if (x.requiresGrad()) {
                Tape.GradTarget dx = tape.gradTarget(x);  // dx (rows, B) (+)= W · dy
                k.gemm(false, false, dense, dy, dx.tensor(), dx.accumulate());
            }
        });
        return y;
    }

    private static void requireInputRows(String op, int rows, Var x) {
        if (x.value().rows() != rows) {
            throw new IllegalArgumentException(op + ": input " + x.shape() + " must be feature-major (rows, B) with "
                    + rows + " rows to match the weight's rows");
        }
    }
}

package rewire.autodiff;

import rewire.kernel.Kernels;
import rewire.sparse.CsrMatrix;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * Linear maps on feature-major activations, in three representations of the weight, plus the
 * bias. All compute goes through {@link Kernels}.
 *
 * <pre>
 * x : (in, B)   W : (out, in)   y = W · x : (out, B)
 * dx = Wᵀ · dy : (in, B)        dW = dy · xᵀ : (out, in), or only its entries on W's pattern
 * </pre>
 * A gradient is computed only for inputs that require one: the first layer of a network, whose
 * input is data, skips {@code dx} entirely.
 */
public final class LinearOps {
    private LinearOps() {
    }

    /** Dense weight: {@code y (out, B) = W (out, in) · x (in, B)} through dense GEMM. */
    public static Var linear(Tape tape, Var x, Var w) {
        Checks.requireMatrix("linear", "weight", w);
        Checks.requireMatrix("linear", "input", x);
        requireInputRows("linear", w.value().cols(), x);
        Kernels k = tape.kernels();
        Var y = tape.output("linear", Tape.anyRequiresGrad(x, w), w.value().rows(), x.value().cols());
        k.mult(w.value(), x.value(), y.value());
        tape.onBackward(y, () -> {
            Tensor dy = y.grad();
            if (w.requiresGrad()) {
                k.gemm(false, true, dy, x.value(), tape.grad(w), true);  // dW (out, in) += dy · xᵀ
            }
            if (x.requiresGrad()) {
                k.gemm(true, false, w.value(), dy, tape.grad(x), true);  // dx (in, B) += Wᵀ · dy
            }
        });
        return y;
    }

    /**
     * Sparse weight in CSR: {@code y (out, B) = W · x} in O(nnz · B). The weight gradient is the
     * {@code (nnz,)} vector {@code (dy · xᵀ)} sampled on W's pattern; no dense {@code (out, in)}
     * matrix is ever formed.
     */
    public static Var sparseLinear(Tape tape, Var x, Var w) {
        CsrMatrix weight = requireSparse("sparseLinear", w);
        Checks.requireMatrix("sparseLinear", "input", x);
        requireInputRows("sparseLinear", weight.cols(), x);
        Kernels k = tape.kernels();
        Var y = tape.output("sparseLinear", Tape.anyRequiresGrad(x, w), weight.rows(), x.value().cols());
        k.mult(weight, x.value(), y.value());
        tape.onBackward(y, () -> {
            Tensor dy = y.grad();
            if (w.requiresGrad()) {
                // dW (nnz,) += (dy (out, B) · x (in, B)ᵀ)|pattern
                k.sampledMultTransB(dy, x.value(), weight.pattern(), tape.grad(w).data(), true);
            }
            if (x.requiresGrad()) {
                k.multTransA(weight, dy, tape.grad(x), true);  // dx (in, B) += Wᵀ · dy
            }
        });
        return y;
    }

    /**
     * Sparse weight computed densely: the entries are scattered into a dense {@code (out, in)}
     * copy (zeros elsewhere) and the products run as dense GEMMs, which beats CSR above a
     * crossover density. The weight gradient is the dense {@code dy · xᵀ} gathered onto the
     * pattern, so the result is the same {@code (nnz,)} vector as {@link #sparseLinear}'s.
     * Costs two {@code (out, in)} buffers (reused across steps by the tape).
     */
    public static Var maskedLinear(Tape tape, Var x, Var w) {
        CsrMatrix weight = requireSparse("maskedLinear", w);
        Checks.requireMatrix("maskedLinear", "input", x);
        requireInputRows("maskedLinear", weight.cols(), x);
        Kernels k = tape.kernels();
        Var y = tape.output("maskedLinear", Tape.anyRequiresGrad(x, w), weight.rows(), x.value().cols());
        Tensor dense = tape.scratch(weight.rows(), weight.cols());
        scatter(weight, dense.data());
        k.mult(dense, x.value(), y.value());
        tape.onBackward(y, () -> {
            Tensor dy = y.grad();
            if (w.requiresGrad()) {
                Tensor full = tape.scratch(weight.rows(), weight.cols());
                k.multTransB(dy, x.value(), full);  // full (out, in) = dy · xᵀ
                gatherAdd(full.data(), weight.pattern(), tape.grad(w).data());
            }
            if (x.requiresGrad()) {
                k.gemm(true, false, dense, dy, tape.grad(x), true);  // dx (in, B) += Wᵀ · dy
            }
        });
        return y;
    }

    /**
     * Adds a bias per row: {@code y (F, N) = x (F, N) + b · 1ᵀ} with {@code b} of size F (any
     * shape), for a linear layer ({@code N = B}) or a convolution ({@code N = B·H·W}).
     * Gradients: {@code dx += dy}, {@code db[f] += Σ_n dy[f, n]}.
     */
    public static Var addBias(Tape tape, Var x, Var b) {
        Checks.requireMatrix("addBias", "input", x);
        Checks.requireDense("addBias", "bias", b);
        int rows = x.value().rows();
        int cols = x.value().cols();
        if (b.value().size() != rows) {
            throw new IllegalArgumentException("addBias: bias " + b.shape() + " must have one entry per row of input "
                    + x.shape());
        }
        Var y = tape.output("addBias", Tape.anyRequiresGrad(x, b), x.shape());
        float[] xv = x.value().data();
        float[] bv = b.value().data();
        float[] yv = y.value().data();
        for (int r = 0; r < rows; r++) {
            for (int i = r * cols, end = i + cols; i < end; i++) {
                yv[i] = xv[i] + bv[r];
            }
        }
        tape.onBackward(y, () -> addBiasBackward(tape, x, b, y.grad().data(), rows, cols));
        return y;
    }

    private static void addBiasBackward(Tape tape, Var x, Var b, float[] dy, int rows, int cols) {
        if (x.requiresGrad()) {
            float[] dx = tape.grad(x).data();
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dy[i];
            }
        }
        if (b.requiresGrad()) {
            float[] db = tape.grad(b).data();
            for (int r = 0; r < rows; r++) {
                db[r] += (float) rowSum(dy, r * cols, cols);
            }
        }
    }

    // sum of v[from .. from + n) in double, in four interleaved chains: one chain of dependent adds
    // made the bias gradient a tenth of a 1%-dense MLP's step
    private static double rowSum(float[] v, int from, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (int end = from + (n & ~3); i < end; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        for (int end = from + n; i < end; i++) {
            s0 += v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    // dense (rows, cols) = W with zeros off the pattern; each row is cleared, then its entries written.
    private static void scatter(CsrMatrix w, float[] dense) {
        int[] ptr = w.pattern().rowPtr();
        int[] idx = w.pattern().colIdx();
        float[] v = w.values();
        int cols = w.cols();
        for (int r = 0; r < w.rows(); r++) {
            java.util.Arrays.fill(dense, r * cols, (r + 1) * cols, 0f);
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                dense[r * cols + idx[e]] = v[e];
            }
        }
    }

    // out[e] += full[r, c] for every entry e = (r, c) of the pattern.
    private static void gatherAdd(float[] full, SparsityPattern pattern, float[] out) {
        int[] ptr = pattern.rowPtr();
        int[] idx = pattern.colIdx();
        int cols = pattern.cols();
        for (int r = 0; r < pattern.rows(); r++) {
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                out[e] += full[r * cols + idx[e]];
            }
        }
    }

    private static CsrMatrix requireSparse(String op, Var w) {
        if (!w.isSparse()) {
            throw new IllegalArgumentException(op + ": weight must be a sparse variable (Var.sparseParam), got " + w);
        }
        return w.csr();
    }

    private static void requireInputRows(String op, int in, Var x) {
        if (x.value().rows() != in) {
            throw new IllegalArgumentException(op + ": input " + x.shape() + " must be feature-major (in, B) with in = "
                    + in + " rows to match the weight's columns");
        }
    }
}

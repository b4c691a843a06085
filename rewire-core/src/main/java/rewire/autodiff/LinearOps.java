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
 * input is data, skips {@code dx} entirely. The sparse forms take an optional bias {@code b (out,)}
 * that starts each output row ({@code y = W · x + b · 1ᵀ}), so a sparse layer's bias costs no pass
 * over its output of its own, and its gradient {@code db[r] = Σ_b dy[r, b]} is read off the same
 * {@code dy}.
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
                Tape.GradTarget dx = tape.gradTarget(x);  // dx (in, B) (+)= Wᵀ · dy
                k.gemm(true, false, w.value(), dy, dx.tensor(), dx.accumulate());
            }
        });
        return y;
    }

    /** {@link #sparseLinear(Tape, Var, Var, Var)} without a bias. */
    public static Var sparseLinear(Tape tape, Var x, Var w) {
        return sparseLinear(tape, x, w, null);
    }

    /**
     * Sparse weight in CSR: {@code y (out, B) = W · x + b · 1ᵀ} in O(nnz · B), with {@code b (out,)}
     * or null for no bias. The weight gradient is the {@code (nnz,)} vector {@code (dy · xᵀ)}
     * sampled on W's pattern; no dense {@code (out, in)} matrix is ever formed.
     */
    public static Var sparseLinear(Tape tape, Var x, Var w, Var b) {
        return sparseLinear(tape, x, w, b, false);
    }

    /**
     * {@link #sparseLinear(Tape, Var, Var, Var)} followed by a ReLU, in one op:
     * {@code y (out, B) = max(W · x + b · 1ᵀ, 0)}. The product's kernel clamps its rows while they
     * are still in cache, and the weight-gradient kernel gates {@code dy} by {@code [y > 0]} right
     * before it reads it, so the ReLU needs no tensor and no separate op of its own. Backward
     * leaves {@code y}'s gradient buffer holding the gradient of the pre-activation
     * {@code W · x + b}, which is what gradient-based growth reads ({@code SparseLinear.lastBatch}).
     */
    public static Var sparseLinearRelu(Tape tape, Var x, Var w, Var b) {
        return sparseLinear(tape, x, w, b, true);
    }

    private static Var sparseLinear(Tape tape, Var x, Var w, Var b, boolean relu) {
        String op = relu ? "sparseLinearRelu" : "sparseLinear";
        CsrMatrix weight = Checks.requireSparse(op, "weight", w);
        Checks.requireMatrix(op, "input", x);
        requireInputRows(op, weight.cols(), x);
        requireBias(op, weight.rows(), b);
        Kernels k = tape.kernels();
        Var y = tape.output(op, Tape.anyRequiresGrad(x, w, b), weight.rows(), x.value().cols());
        if (relu) {
            k.multAddBiasRelu(weight, x.value(), b == null ? null : b.value(), y.value());
        } else if (b == null) {
            k.mult(weight, x.value(), y.value());
        } else {
            k.multAddBias(weight, x.value(), b.value(), y.value());
        }
        tape.onBackward(y, () -> {
            Tensor dy = y.grad();   // with relu: gated in place into the gradient of W · x + b
            Tensor gate = relu ? y.value() : null;
            if (w.requiresGrad()) {
                // dW (nnz,) += (dy (out, B) · x (in, B)ᵀ)|pattern
                k.sampledMultTransBGated(dy, gate, x.value(), weight.pattern(), tape.grad(w).data(), true);
            } else if (relu) {
                gateByPositive(dy.data(), gate.data());
            }
            addBiasGrad(tape, b, dy);
            if (x.requiresGrad()) {
                Tape.GradTarget dx = tape.gradTarget(x);  // dx (in, B) (+)= Wᵀ · dy
                k.multTransA(weight, dy, dx.tensor(), dx.accumulate());
            }
        });
        return y;
    }

    // dy = 0 wherever the ReLU output y is not positive (as the kernels' gated sddmm does)
    static void gateByPositive(float[] dy, float[] y) {
        for (int i = 0; i < dy.length; i++) {
            dy[i] = y[i] > 0 ? dy[i] : 0f;
        }
    }

    /**
     * Sparse weight computed densely: the entries are scattered into a dense {@code (out, in)}
     * copy (zeros elsewhere) and the products run as dense GEMMs, which beats CSR above a
     * crossover density. The weight gradient is the dense {@code dy · xᵀ} gathered onto the
     * pattern, so the result is the same {@code (nnz,)} vector as {@link #sparseLinear}'s.
     * Costs two {@code (out, in)} buffers (reused across steps by the tape).
     */
    public static Var maskedLinear(Tape tape, Var x, Var w) {
        return maskedLinear(tape, x, w, null);
    }

    /** {@link #maskedLinear(Tape, Var, Var)} plus a bias {@code b (out,)} (or null) as in {@link #sparseLinear}. */
    public static Var maskedLinear(Tape tape, Var x, Var w, Var b) {
        CsrMatrix weight = Checks.requireSparse("maskedLinear", "weight", w);
        Checks.requireMatrix("maskedLinear", "input", x);
        requireInputRows("maskedLinear", weight.cols(), x);
        requireBias("maskedLinear", weight.rows(), b);
        Kernels k = tape.kernels();
        Var y = tape.output("maskedLinear", Tape.anyRequiresGrad(x, w, b), weight.rows(), x.value().cols());
        Tensor dense = tape.scratch(weight.rows(), weight.cols());
        scatter(weight, dense.data());
        if (b != null) {
            fillRows(b.value().data(), y.value());  // y (out, B) = b · 1ᵀ, then += W · x
        }
        k.gemm(false, false, dense, x.value(), y.value(), b != null);
        tape.onBackward(y, () -> {
            Tensor dy = y.grad();
            if (w.requiresGrad()) {
                Tensor full = tape.scratch(weight.rows(), weight.cols());
                k.multTransB(dy, x.value(), full);  // full (out, in) = dy · xᵀ
                gatherAdd(full.data(), weight.pattern(), tape.grad(w).data());
            }
            addBiasGrad(tape, b, dy);
            if (x.requiresGrad()) {
                Tape.GradTarget dx = tape.gradTarget(x);  // dx (in, B) (+)= Wᵀ · dy
                k.gemm(true, false, dense, dy, dx.tensor(), dx.accumulate());
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
        tape.onBackward(y, () -> addBiasBackward(tape, x, b, y.grad()));
        return y;
    }

    private static void addBiasBackward(Tape tape, Var x, Var b, Tensor dyTensor) {
        if (x.requiresGrad()) {
            Tape.GradTarget target = tape.gradTarget(x);  // dx (+)= dy
            float[] dx = target.tensor().data();
            float[] dy = dyTensor.data();
            if (target.accumulate()) {
                for (int i = 0; i < dx.length; i++) {
                    dx[i] += dy[i];
                }
            } else {
                System.arraycopy(dy, 0, dx, 0, dx.length);
            }
        }
        addBiasGrad(tape, b, dyTensor);
    }

    // db (F,) += Σ_n dy (F, N)[f, n], when there is a bias that requires a gradient
    static void addBiasGrad(Tape tape, Var b, Tensor dy) {
        if (b == null || !b.requiresGrad()) {
            return;
        }
        tape.kernels().rowSums(dy, tape.grad(b).data(), true);
    }

    // y (rows, cols) = bias · 1ᵀ
    private static void fillRows(float[] bias, Tensor y) {
        int cols = y.cols();
        float[] v = y.data();
        for (int r = 0; r < bias.length; r++) {
            java.util.Arrays.fill(v, r * cols, (r + 1) * cols, bias[r]);
        }
    }

    static void requireBias(String op, int rows, Var b) {
        if (b == null) {
            return;
        }
        Checks.requireDense(op, "bias", b);
        if (b.value().size() != rows) {
            throw new IllegalArgumentException(op + ": bias " + b.shape() + " must have one entry per output row ("
                    + rows + ")");
        }
    }

    // dense (rows, cols) = W with zeros off the pattern; each row is cleared, then its entries written.
    static void scatter(CsrMatrix w, float[] dense) {
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
    static void gatherAdd(float[] full, SparsityPattern pattern, float[] out) {
        int[] ptr = pattern.rowPtr();
        int[] idx = pattern.colIdx();
        int cols = pattern.cols();
        for (int r = 0; r < pattern.rows(); r++) {
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                out[e] += full[r * cols + idx[e]];
            }
        }
    }

    static void requireInputRows(String op, int in, Var x) {
        if (x.value().rows() != in) {
            throw new IllegalArgumentException(op + ": input " + x.shape() + " must be feature-major (in, B) with in = "
                    + in + " rows to match the weight's columns");
        }
    }
}

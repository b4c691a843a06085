package rewire.autodiff;

import java.util.function.Consumer;
import rewire.kernel.BlockProducts;
import rewire.kernel.DiagonalProducts;
import rewire.kernel.FanInProducts;
import rewire.kernel.Kernels;
import rewire.kernel.StructuredProducts;
import rewire.sparse.BlockMatrix;
import rewire.sparse.BlockPattern;
import rewire.sparse.CsrMatrix;
import rewire.sparse.DiagonalMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.FanInMatrix;
import rewire.sparse.FanInPattern;
import rewire.tensor.Shape;
import rewire.tensor.Tensor;

/**
 * A sparse weight's linear map computed in a structured storage format:
 * {@code y (out, B) = W · x + b · 1ᵀ}, with a ReLU when asked, and the gradients of
 * {@link LinearOps#sparseLinear}: {@code dW} the {@code (nnz,)} vector of {@code dy · xᵀ} on the
 * pattern in CSR order, {@code dx = Wᵀ · dy}. With the ReLU, backward first gates {@code y}'s
 * gradient buffer in place, so it then holds the gradient of {@code W · x + b}, as the fused CSR
 * op leaves it for gradient-based growth.
 *
 * <p>The weight stays a sparse variable in CSR order, the order every optimizer slot and the DST
 * engine use: constant fan-in (and N:M, a constant fan-in) has the same order and shares the
 * values; the diagonal and block formats permute them into their own layouts ({@code K x D},
 * block after block) and the weight gradient back ({@link DiagonalPattern#csrEntries()},
 * {@link BlockPattern#csrEntries()}), two O(nnz) passes beside the O(nnz · B) products.
 */
public final class StructuredLinearOps {
    private StructuredLinearOps() {
    }

    // dw (nnz,), CSR order, += (dy (out, B) · x (in, B)ᵀ) on the pattern
    @FunctionalInterface
    private interface WeightGrad {
        void addTo(Tensor dy, Tensor x, float[] dw);
    }

    /** The map on the diagonal kernels ({@link Kernels#diagonal()}) for {@code w} whose CSR pattern is {@code diagonals.toCsr()}. */
    public static Var diagonal(Tape tape, Var x, Var w, DiagonalPattern diagonals, Var b, boolean relu) {
        String op = relu ? "diagonalLinearRelu" : "diagonalLinear";
        CsrMatrix weight = Checks.requireSparse(op, "weight", w);
        requireStoredBy(op, weight, diagonals.rows(), diagonals.cols(), diagonals.nnz(), diagonals.toString());
        int[] entries = diagonals.csrEntries();
        DiagonalProducts products = tape.kernels().diagonal();
        return linear(tape, op, x, w, b, relu, products, new DiagonalMatrix(diagonals, permuted(tape, weight, entries)),
                (dy, in, dw) -> addPermuted(tape, entries, dw, out -> products.sampledMultTransB(dy, in, diagonals, out,
                        false)));
    }

    /**
     * The map on the constant fan-in kernels ({@link Kernels#fanIn()}) for {@code w} whose CSR
     * pattern is {@code pattern.toCsr()}; the values are shared, not copied.
     */
    public static Var fanIn(Tape tape, Var x, Var w, FanInPattern pattern, Var b, boolean relu) {
        String op = relu ? "fanInLinearRelu" : "fanInLinear";
        CsrMatrix weight = Checks.requireSparse(op, "weight", w);
        requireStoredBy(op, weight, pattern.rows(), pattern.cols(), pattern.nnz(), pattern.toString());
        FanInProducts products = tape.kernels().fanIn();
        return linear(tape, op, x, w, b, relu, products, new FanInMatrix(pattern, weight.values()),
                (dy, in, dw) -> products.sampledMultTransB(dy, in, pattern, dw, true));
    }

    /** The map on the block kernels ({@link Kernels#block()}) for {@code w} whose CSR pattern is {@code blocks.toCsr()}. */
    public static Var blocks(Tape tape, Var x, Var w, BlockPattern blocks, Var b, boolean relu) {
        String op = relu ? "blockLinearRelu" : "blockLinear";
        CsrMatrix weight = Checks.requireSparse(op, "weight", w);
        requireStoredBy(op, weight, blocks.rows(), blocks.cols(), blocks.nnz(), blocks.toString());
        int[] entries = blocks.csrEntries();
        BlockProducts products = tape.kernels().block();
        return linear(tape, op, x, w, b, relu, products, new BlockMatrix(blocks, permuted(tape, weight, entries)),
                (dy, in, dw) -> addPermuted(tape, entries, dw, out -> products.sampledMultTransB(dy, in, blocks, out,
                        false)));
    }

    private static <M> Var linear(Tape tape, String op, Var x, Var w, Var b, boolean relu,
                                  StructuredProducts<M, ?> products, M m, WeightGrad weightGrad) {
        Checks.requireMatrix(op, "input", x);
        CsrMatrix weight = w.csr();
        LinearOps.requireInputRows(op, weight.cols(), x);
        LinearOps.requireBias(op, weight.rows(), b);
        Var y = tape.output(op, Tape.anyRequiresGrad(x, w, b), weight.rows(), x.value().cols());
        Tensor bias = b == null ? null : b.value();
        if (relu) {
            products.multAddBiasRelu(m, x.value(), bias, y.value());
        } else if (bias == null) {
            products.mult(m, x.value(), y.value(), false);
        } else {
            products.multAddBias(m, x.value(), bias, y.value());
        }
        tape.onBackward(y, () -> {
            Tensor dy = y.grad();
            if (relu) {
                LinearOps.gateByPositive(dy.data(), y.value().data());
            }
            if (w.requiresGrad()) {
                weightGrad.addTo(dy, x.value(), tape.grad(w).data());
            }
            LinearOps.addBiasGrad(tape, b, dy);
            if (x.requiresGrad()) {
                Tape.GradTarget dx = tape.gradTarget(x);  // dx (in, B) (+)= Wᵀ · dy
                products.multTransA(m, dy, dx.tensor(), dx.accumulate());
            }
        });
        return y;
    }

    // the weight's values (nnz,) in a format's order: value e of the format is CSR entry entries[e]
    private static float[] permuted(Tape tape, CsrMatrix weight, int[] entries) {
        float[] values = tape.scratch(Shape.of(entries.length)).data();
        for (int e = 0; e < entries.length; e++) {
            values[e] = weight.values()[entries[e]];
        }
        return values;
    }

    // dw (nnz,), CSR order, += the gradient that `grad` writes in the format's order
    private static void addPermuted(Tape tape, int[] entries, float[] dw, Consumer<float[]> grad) {
        float[] inFormat = tape.scratch(Shape.of(entries.length)).data();
        grad.accept(inFormat);
        for (int e = 0; e < entries.length; e++) {
            dw[entries[e]] += inFormat[e];
        }
    }

    private static void requireStoredBy(String op, CsrMatrix weight, int rows, int cols, int nnz, String format) {
        if (weight.rows() != rows || weight.cols() != cols || weight.nnz() != nnz) {
            throw new IllegalArgumentException(op + ": weight " + weight + " is not stored by " + format);
        }
    }
}

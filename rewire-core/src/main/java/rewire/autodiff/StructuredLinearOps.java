package rewire.autodiff;

import java.util.function.BiFunction;
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
import rewire.sparse.StructuredPattern;
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
        return permuted(tape, relu ? "diagonalLinearRelu" : "diagonalLinear", x, w, b, relu, tape.kernels().diagonal(),
                diagonals, diagonals.csrEntries(), DiagonalMatrix::new);
    }

    /**
     * The map on the constant fan-in kernels ({@link Kernels#fanIn()}) for {@code w} whose CSR
     * pattern is {@code pattern.toCsr()}; the values are shared, not copied.
     */
    public static Var fanIn(Tape tape, Var x, Var w, FanInPattern pattern, Var b, boolean relu) {
        String op = relu ? "fanInLinearRelu" : "fanInLinear";
        CsrMatrix weight = requireStoredBy(op, w, pattern);
        FanInProducts products = tape.kernels().fanIn();
        return linear(tape, op, x, w, b, relu, products, new FanInMatrix(pattern, weight.values()),
                (dy, in, dw) -> products.sampledMultTransB(dy, in, pattern, dw, true));
    }

    /** The map on the block kernels ({@link Kernels#block()}) for {@code w} whose CSR pattern is {@code blocks.toCsr()}. */
    public static Var blocks(Tape tape, Var x, Var w, BlockPattern blocks, Var b, boolean relu) {
        return permuted(tape, relu ? "blockLinearRelu" : "blockLinear", x, w, b, relu, tape.kernels().block(), blocks,
                blocks.csrEntries(), BlockMatrix::new);
    }

    // a format whose entry e is CSR entry entries[e]: values gathered into its order, the gradient scattered back
    private static <M, P extends StructuredPattern> Var permuted(Tape tape, String op, Var x, Var w, Var b, boolean relu,
                                                                 StructuredProducts<M, P> products, P pattern,
                                                                 int[] entries, BiFunction<P, float[], M> matrix) {
        CsrMatrix weight = requireStoredBy(op, w, pattern);
        float[] values = tape.scratch(Shape.of(entries.length)).data();
        for (int e = 0; e < entries.length; e++) {
            values[e] = weight.values()[entries[e]];
        }
        return linear(tape, op, x, w, b, relu, products, matrix.apply(pattern, values), (dy, in, dw) -> {
            float[] inFormat = tape.scratch(Shape.of(entries.length)).data();
            products.sampledMultTransB(dy, in, pattern, inFormat, false);
            for (int e = 0; e < entries.length; e++) {
                dw[entries[e]] += inFormat[e];
            }
        });
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

    private static CsrMatrix requireStoredBy(String op, Var w, StructuredPattern format) {
        CsrMatrix weight = Checks.requireSparse(op, "weight", w);
        if (weight.rows() != format.rows() || weight.cols() != format.cols() || weight.nnz() != format.nnz()) {
            throw new IllegalArgumentException(op + ": weight " + weight + " is not stored by " + format);
        }
        return weight;
    }
}

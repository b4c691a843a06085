package rewire.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import rewire.kernel.Kernels;
import rewire.sparse.CsrMatrix;
import rewire.sparse.DiagonalMatrix;
import rewire.tensor.Tensor;
import rewire.testkit.DiagonalCases.DiagonalOperands;
import rewire.testkit.KernelContract.NamedRun;

/**
 * The products of the diagonal format as runs over {@link DiagonalOperands}, each written twice:
 * through {@link Kernels#diagonal()} and through the CSR products on the same matrix in CSR
 * form, which must agree to float tolerance. Every run works on fresh copies of the initial
 * outputs, so it can be repeated on other kernels.
 */
final class DiagonalRuns {
    private DiagonalRuns() {
    }

    /** One product: its diagonal form, and the same product by the CSR kernels, in diagonal order. */
    record DiagonalRun(String name, BiFunction<Kernels, DiagonalOperands, float[]> diagonal,
                       BiFunction<Kernels, DiagonalOperands, float[]> csr) {
        NamedRun<DiagonalOperands> onDiagonals() {
            return new NamedRun<>(name, false, diagonal);
        }
    }

    /** Every product, with and without accumulation where it exists. */
    static List<DiagonalRun> all() {
        List<DiagonalRun> runs = new ArrayList<>();
        for (boolean acc : new boolean[] {false, true}) {
            String suffix = acc ? " accumulate" : "";
            // y (rows, B) (+)= W · x
            runs.add(new DiagonalRun("mult W·x" + suffix, (k, o) -> {
                Tensor y = o.y0().copy();
                k.diagonal().mult(o.w(), o.x(), y, acc);
                return y.data();
            }, (k, o) -> {
                Tensor y = o.y0().copy();
                k.mult(o.w().toCsr(), o.x(), y, acc);
                return y.data();
            }));
            // dx (cols, B) (+)= Wᵀ · dy
            runs.add(new DiagonalRun("multTransA Wᵀ·dy" + suffix, (k, o) -> {
                Tensor dx = o.dx0().copy();
                k.diagonal().multTransA(o.w(), o.dy(), dx, acc);
                return dx.data();
            }, (k, o) -> {
                Tensor dx = o.dx0().copy();
                k.multTransA(o.w().toCsr(), o.dy(), dx, acc);
                return dx.data();
            }));
            // dV (K, D) (+)= (dy (rows, B) · x (cols, B)ᵀ) on W's diagonals
            runs.add(new DiagonalRun("sampledMultTransB (dy·xᵀ) on the diagonals" + suffix, (k, o) -> {
                float[] dv = o.dv0().clone();
                k.diagonal().sampledMultTransB(o.dy(), o.x(), o.w().pattern(), dv, acc);
                return dv;
            }, (k, o) -> {
                CsrMatrix dw = new DiagonalMatrix(o.w().pattern(), o.dv0().clone()).toCsr();
                k.sampledMultTransB(o.dy(), o.x(), dw.pattern(), dw.values(), acc);
                return DiagonalMatrix.fromCsr(dw).values();
            }));
        }
        // y (rows, B) = W · x + b · 1ᵀ
        runs.add(new DiagonalRun("multAddBias W·x + b", (k, o) -> {
            Tensor y = o.y0().copy();
            k.diagonal().multAddBias(o.w(), o.x(), o.bias(), y);
            return y.data();
        }, (k, o) -> {
            Tensor y = o.y0().copy();
            k.multAddBias(o.w().toCsr(), o.x(), o.bias(), y);
            return y.data();
        }));
        // y (rows, B) = max(W · x + b · 1ᵀ, 0)
        runs.add(new DiagonalRun("multAddBiasRelu max(W·x + b, 0)", (k, o) -> {
            Tensor y = o.y0().copy();
            k.diagonal().multAddBiasRelu(o.w(), o.x(), o.bias(), y);
            return y.data();
        }, (k, o) -> {
            Tensor y = o.y0().copy();
            k.multAddBiasRelu(o.w().toCsr(), o.x(), o.bias(), y);
            return y.data();
        }));
        return runs;
    }
}

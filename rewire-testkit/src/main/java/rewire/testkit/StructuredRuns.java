package rewire.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import rewire.kernel.Kernels;
import rewire.sparse.CsrMatrix;
import rewire.tensor.Tensor;
import rewire.testkit.KernelContract.NamedRun;

/**
 * The products of a structured format as runs over {@link StructuredOperands}, each written
 * twice: through the format's {@link rewire.kernel.StructuredProducts} and through the CSR
 * products on the same matrix in CSR form, which must agree to float tolerance. Every run works
 * on fresh copies of the initial outputs, so it can be repeated on other kernels.
 */
final class StructuredRuns {
    private StructuredRuns() {
    }

    /** One product: its structured form, and the same product by the CSR kernels, in the format's entry order. */
    record StructuredRun<M>(String name, BiFunction<Kernels, StructuredOperands<M>, float[]> format,
                            BiFunction<Kernels, StructuredOperands<M>, float[]> csr) {
        NamedRun<StructuredOperands<M>> onFormat() {
            return new NamedRun<>(name, false, format);
        }
    }

    /** Every product of {@code f}, with and without accumulation where it exists. */
    static <M, P> List<StructuredRun<M>> all(FormatAdapter<M, P> f) {
        List<StructuredRun<M>> runs = new ArrayList<>();
        for (boolean acc : new boolean[] {false, true}) {
            String suffix = acc ? " accumulate" : "";
            // y (rows, B) (+)= W · x
            runs.add(new StructuredRun<>("mult W·x" + suffix, (k, o) -> {
                Tensor y = o.y0().copy();
                f.products(k).mult(o.w(), o.x(), y, acc);
                return y.data();
            }, (k, o) -> {
                Tensor y = o.y0().copy();
                k.mult(f.toCsr(o.w()), o.x(), y, acc);
                return y.data();
            }));
            // dx (cols, B) (+)= Wᵀ · dy
            runs.add(new StructuredRun<>("multTransA Wᵀ·dy" + suffix, (k, o) -> {
                Tensor dx = o.dx0().copy();
                f.products(k).multTransA(o.w(), o.dy(), dx, acc);
                return dx.data();
            }, (k, o) -> {
                Tensor dx = o.dx0().copy();
                k.multTransA(f.toCsr(o.w()), o.dy(), dx, acc);
                return dx.data();
            }));
            // dV (nnz,) (+)= (dy (rows, B) · x (cols, B)ᵀ) on W's entries
            runs.add(new StructuredRun<>("sampledMultTransB (dy·xᵀ) on the entries" + suffix, (k, o) -> {
                float[] dv = o.dv0().clone();
                f.products(k).sampledMultTransB(o.dy(), o.x(), f.pattern(o.w()), dv, acc);
                return dv;
            }, (k, o) -> {
                CsrMatrix dw = f.toCsr(f.withValues(o.w(), o.dv0().clone()));
                k.sampledMultTransB(o.dy(), o.x(), dw.pattern(), dw.values(), acc);
                return inEntryOrder(f.csrEntries(o.w()), dw.values());
            }));
        }
        // y (rows, B) = W · x + b · 1ᵀ
        runs.add(new StructuredRun<>("multAddBias W·x + b", (k, o) -> {
            Tensor y = o.y0().copy();
            f.products(k).multAddBias(o.w(), o.x(), o.bias(), y);
            return y.data();
        }, (k, o) -> {
            Tensor y = o.y0().copy();
            k.multAddBias(f.toCsr(o.w()), o.x(), o.bias(), y);
            return y.data();
        }));
        // y (rows, B) = max(W · x + b · 1ᵀ, 0)
        runs.add(new StructuredRun<>("multAddBiasRelu max(W·x + b, 0)", (k, o) -> {
            Tensor y = o.y0().copy();
            f.products(k).multAddBiasRelu(o.w(), o.x(), o.bias(), y);
            return y.data();
        }, (k, o) -> {
            Tensor y = o.y0().copy();
            k.multAddBiasRelu(f.toCsr(o.w()), o.x(), o.bias(), y);
            return y.data();
        }));
        return runs;
    }

    /** {@code csrValues} gathered into the format's entry order. */
    static float[] inEntryOrder(int[] csrEntries, float[] csrValues) {
        float[] values = new float[csrEntries.length];
        for (int e = 0; e < values.length; e++) {
            values[e] = csrValues[csrEntries[e]];
        }
        return values;
    }
}

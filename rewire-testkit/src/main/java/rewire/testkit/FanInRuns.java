package rewire.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import rewire.kernel.Kernels;
import rewire.tensor.Tensor;
import rewire.testkit.FanInCases.FanInOperands;
import rewire.testkit.KernelContract.NamedRun;

/**
 * The products of the fan-in and N:M formats as runs over {@link FanInOperands}, each written
 * twice: through the operands' format ({@link FormatProducts}: {@link Kernels#fanIn()} or
 * {@link Kernels#nm()}) and through the CSR products on the same matrix in CSR form, which must
 * agree to float tolerance. Every run works on fresh copies of the initial outputs, so it can be
 * repeated on other kernels.
 */
final class FanInRuns {
    private FanInRuns() {
    }

    /** One product: its fan-in or N:M form, and the same product by the CSR kernels, in the same entry order. */
    record FanInRun(String name, BiFunction<Kernels, FanInOperands, float[]> format,
                    BiFunction<Kernels, FanInOperands, float[]> csr) {
        NamedRun<FanInOperands> onFormat() {
            return new NamedRun<>(name, false, format);
        }
    }

    /** Every product, with and without accumulation where it exists. */
    static List<FanInRun> all() {
        List<FanInRun> runs = new ArrayList<>();
        for (boolean acc : new boolean[] {false, true}) {
            String suffix = acc ? " accumulate" : "";
            // y (rows, B) (+)= W · x
            runs.add(new FanInRun("mult W·x" + suffix, (k, o) -> {
                Tensor y = o.y0().copy();
                o.format().mult(k, o.x(), y, acc);
                return y.data();
            }, (k, o) -> {
                Tensor y = o.y0().copy();
                k.mult(o.w().toCsr(), o.x(), y, acc);
                return y.data();
            }));
            // dx (cols, B) (+)= Wᵀ · dy
            runs.add(new FanInRun("multTransA Wᵀ·dy" + suffix, (k, o) -> {
                Tensor dx = o.dx0().copy();
                o.format().multTransA(k, o.dy(), dx, acc);
                return dx.data();
            }, (k, o) -> {
                Tensor dx = o.dx0().copy();
                k.multTransA(o.w().toCsr(), o.dy(), dx, acc);
                return dx.data();
            }));
            // dV (rows, k) (+)= (dy (rows, B) · x (cols, B)ᵀ) on W's entries
            runs.add(new FanInRun("sampledMultTransB (dy·xᵀ) on the entries" + suffix, (k, o) -> {
                float[] dv = o.dv0().clone();
                o.format().sampledMultTransB(k, o.dy(), o.x(), dv, acc);
                return dv;
            }, (k, o) -> {
                float[] dv = o.dv0().clone(); // condensed order is CSR order
                k.sampledMultTransB(o.dy(), o.x(), o.w().pattern().toCsr(), dv, acc);
                return dv;
            }));
        }
        // y (rows, B) = W · x + b · 1ᵀ
        runs.add(new FanInRun("multAddBias W·x + b", (k, o) -> {
            Tensor y = o.y0().copy();
            o.format().multAddBias(k, o.x(), o.bias(), y);
            return y.data();
        }, (k, o) -> {
            Tensor y = o.y0().copy();
            k.multAddBias(o.w().toCsr(), o.x(), o.bias(), y);
            return y.data();
        }));
        // y (rows, B) = max(W · x + b · 1ᵀ, 0)
        runs.add(new FanInRun("multAddBiasRelu max(W·x + b, 0)", (k, o) -> {
            Tensor y = o.y0().copy();
            o.format().multAddBiasRelu(k, o.x(), o.bias(), y);
            return y.data();
        }, (k, o) -> {
            Tensor y = o.y0().copy();
            k.multAddBiasRelu(o.w().toCsr(), o.x(), o.bias(), y);
            return y.data();
        }));
        return runs;
    }
}

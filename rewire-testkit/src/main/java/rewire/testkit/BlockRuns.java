package rewire.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import rewire.kernel.Kernels;
import rewire.sparse.BlockMatrix;
import rewire.sparse.CsrMatrix;
import rewire.tensor.Tensor;
import rewire.testkit.BlockCases.BlockOperands;
import rewire.testkit.KernelContract.NamedRun;

/**
 * The products of the block format as runs over {@link BlockOperands}, each written twice:
 * through {@link Kernels#block()} and through the CSR products on the same matrix in CSR form,
 * which must agree to float tolerance. Every run works on fresh copies of the initial outputs, so
 * it can be repeated on other kernels.
 */
final class BlockRuns {
    private BlockRuns() {
    }

    /** One product: its block form, and the same product by the CSR kernels, in block order. */
    record BlockRun(String name, BiFunction<Kernels, BlockOperands, float[]> block,
                    BiFunction<Kernels, BlockOperands, float[]> csr) {
        NamedRun<BlockOperands> onBlocks() {
            return new NamedRun<>(name, false, block);
        }
    }

    /** Every product, with and without accumulation where it exists. */
    static List<BlockRun> all() {
        List<BlockRun> runs = new ArrayList<>();
        for (boolean acc : new boolean[] {false, true}) {
            String suffix = acc ? " accumulate" : "";
            // y (rows, B) (+)= W · x
            runs.add(new BlockRun("mult W·x" + suffix, (k, o) -> {
                Tensor y = o.y0().copy();
                k.block().mult(o.w(), o.x(), y, acc);
                return y.data();
            }, (k, o) -> {
                Tensor y = o.y0().copy();
                k.mult(o.w().toCsr(), o.x(), y, acc);
                return y.data();
            }));
            // dx (cols, B) (+)= Wᵀ · dy
            runs.add(new BlockRun("multTransA Wᵀ·dy" + suffix, (k, o) -> {
                Tensor dx = o.dx0().copy();
                k.block().multTransA(o.w(), o.dy(), dx, acc);
                return dx.data();
            }, (k, o) -> {
                Tensor dx = o.dx0().copy();
                k.multTransA(o.w().toCsr(), o.dy(), dx, acc);
                return dx.data();
            }));
            // dV (blocks, br, bc) (+)= (dy (rows, B) · x (cols, B)ᵀ) on W's blocks
            runs.add(new BlockRun("sampledMultTransB (dy·xᵀ) on the blocks" + suffix, (k, o) -> {
                float[] dv = o.dv0().clone();
                k.block().sampledMultTransB(o.dy(), o.x(), o.w().pattern(), dv, acc);
                return dv;
            }, (k, o) -> {
                CsrMatrix dw = new BlockMatrix(o.w().pattern(), o.dv0().clone()).toCsr();
                k.sampledMultTransB(o.dy(), o.x(), dw.pattern(), dw.values(), acc);
                return BlockMatrix.fromCsr(dw, o.w().pattern().blockRows(), o.w().pattern().blockCols()).values();
            }));
        }
        // y (rows, B) = W · x + b · 1ᵀ
        runs.add(new BlockRun("multAddBias W·x + b", (k, o) -> {
            Tensor y = o.y0().copy();
            k.block().multAddBias(o.w(), o.x(), o.bias(), y);
            return y.data();
        }, (k, o) -> {
            Tensor y = o.y0().copy();
            k.multAddBias(o.w().toCsr(), o.x(), o.bias(), y);
            return y.data();
        }));
        // y (rows, B) = max(W · x + b · 1ᵀ, 0)
        runs.add(new BlockRun("multAddBiasRelu max(W·x + b, 0)", (k, o) -> {
            Tensor y = o.y0().copy();
            k.block().multAddBiasRelu(o.w(), o.x(), o.bias(), y);
            return y.data();
        }, (k, o) -> {
            Tensor y = o.y0().copy();
            k.multAddBiasRelu(o.w().toCsr(), o.x(), o.bias(), y);
            return y.data();
        }));
        return runs;
    }
}

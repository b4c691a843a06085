package rewire.testkit;

import static rewire.testkit.ContractChecks.rowsOfWidth;

import java.util.List;
import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;
import rewire.sparse.FanInMatrix;
import rewire.sparse.FanInPattern;
import rewire.sparse.SparsityPattern;

/**
 * The constant fan-in format under the {@link StructuredKernelContract}: {@link Kernels#fanIn()},
 * values {@code (rows, k)} in CSR order, the SPI's {@link KernelProvider#fanInMult} and
 * {@link KernelProvider#fanInSampledMult} over output rows, and the transposed product gathering
 * through the transposed CSR pattern with {@link KernelProvider#spmm}, as the facade does.
 */
final class FanInFormat extends FormatAdapter<FanInMatrix, FanInPattern> {
    FanInFormat() {
        super("fan-in", Kernels::fanIn, FanInMatrix::pattern, FanInMatrix::values,
                (w, values) -> new FanInMatrix(w.pattern(), values), FanInMatrix::toCsr);
    }

    /**
     * Odd and even shapes with k from 0 and 1 to every column, batches of 1, of whole vectors and
     * of partial ones, then a shape large enough to run in several chunks.
     */
    @Override
    List<StructuredCase<FanInMatrix, FanInPattern>> cases() {
        return List.of(
                fanIn(7, 4, 13, 2),      // tall, odd batch
                fanIn(4, 7, 8, 3),       // wide, batch of 8
                fanIn(13, 13, 1, 5),     // square, batch 1
                fanIn(31, 100, 31, 1),   // one input a row
                fanIn(100, 31, 64, 31),  // every input: dense
                fanIn(207, 13, 3, 7),    // very tall, odd row count
                fanIn(13, 207, 17, 21),  // very wide
                fanIn(1, 1, 1, 1),
                fanIn(702, 207, 17, 21), // 10%
                fanIn(13, 7, 9, 0),      // no entry: outputs are the bias or 0
                fanIn(702, 702, 64, 70).inSeveralChunks());
    }

    private StructuredCase<FanInMatrix, FanInPattern> fanIn(int rows, int cols, int batch, int k) {
        return StructuredCase.of(this, rows, cols, batch, "fan-in " + k, rng -> {
            FanInPattern p = FanInPattern.random(rows, cols, k, rng);
            return new FanInMatrix(p, RandomData.floats(rng, p.nnz()));
        });
    }

    @Override
    SpiCall mult(KernelProvider p, FanInMatrix w, boolean transpose, float[] x, float[] rowStart, int n,
                 boolean accumulate, boolean relu) {
        if (transpose) {
            SparsityPattern.Transposed t = w.pattern().toCsr().transposed();
            SparsityPattern tp = t.pattern();
            return new SpiCall(tp.rows(), rowsOfWidth(tp.rows(), n), (out, from, to) -> p.spmm(tp.rowPtr(),
                    tp.colIdx(), w.values(), t.sourceEntry(), x, out, rowStart, n, from, to, accumulate, relu));
        }
        FanInPattern fp = w.pattern();
        return new SpiCall(w.rows(), rowsOfWidth(w.rows(), n), (out, from, to) -> p.fanInMult(fp.k(), fp.colIdx(),
                w.values(), x, out, rowStart, n, from, to, accumulate, relu));
    }

    @Override
    SpiCall sampledMult(KernelProvider p, FanInMatrix w, float[] a, float[] b, int n, boolean accumulate) {
        FanInPattern fp = w.pattern();
        return new SpiCall(w.rows(), rowsOfWidth(w.rows(), fp.k()), (out, from, to) -> p.fanInSampledMult(fp.k(),
                fp.colIdx(), a, b, n, out, from, to, accumulate));
    }
}

package rewire.testkit;

import static rewire.testkit.ContractChecks.rowsOfWidth;

import java.util.List;
import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;
import rewire.sparse.DiagonalMatrix;
import rewire.sparse.DiagonalPattern;

/**
 * The diagonal format under the {@link StructuredKernelContract}: {@link Kernels#diagonal()},
 * values {@code (K, D)}, the SPI's {@link KernelProvider#diagonalMult} over output rows and
 * {@link KernelProvider#diagonalSampledMult} over positions along the diagonals.
 */
final class DiagonalFormat extends FormatAdapter<DiagonalMatrix, DiagonalPattern> {
    DiagonalFormat() {
        super("diagonal", Kernels::diagonal, DiagonalMatrix::pattern, DiagonalMatrix::values,
                (w, values) -> new DiagonalMatrix(w.pattern(), values), DiagonalMatrix::toCsr);
    }

    /**
     * Tall, wide and square matrices of odd and even sizes, batches of 1, of whole vectors and of
     * partial ones, no diagonal, one diagonal, every diagonal (which is a dense matrix, METHODS
     * F.5) and densities in between, then shapes large enough to run in several chunks.
     */
    @Override
    List<StructuredCase<DiagonalMatrix, DiagonalPattern>> cases() {
        return List.of(
                diagonals(7, 4, 13, 2),      // tall, odd batch
                diagonals(4, 7, 8, 3),       // wide, batch of 8
                diagonals(13, 13, 1, 5),     // square, batch 1
                diagonals(31, 100, 31, 1),   // wide, one diagonal
                diagonals(100, 31, 64, 100), // tall, every diagonal: dense
                diagonals(64, 64, 100, 64),  // square, every diagonal: dense
                diagonals(207, 13, 3, 20),   // very tall
                diagonals(13, 207, 7, 21),   // very wide
                diagonals(1, 1, 1, 1),
                diagonals(1, 8, 17, 8),      // one row, every diagonal
                diagonals(702, 207, 17, 70), // 10%
                diagonals(13, 7, 9, 0),      // no diagonal: outputs are the bias or 0
                diagonals(702, 702, 64, 70).inSeveralChunks(),
                diagonals(207, 702, 131, 140).inSeveralChunks(),
                diagonals(702, 207, 128, 140).inSeveralChunks());
    }

    private StructuredCase<DiagonalMatrix, DiagonalPattern> diagonals(int rows, int cols, int batch, int count) {
        return StructuredCase.of(this, rows, cols, batch, count + " of " + DiagonalPattern.count(rows, cols)
                + " diagonals", rng -> {
                    DiagonalPattern p = DiagonalPattern.random(rows, cols, count, rng);
                    return new DiagonalMatrix(p, RandomData.floats(rng, p.nnz()));
                });
    }

    @Override
    SpiCall mult(KernelProvider p, DiagonalMatrix w, boolean transpose, float[] x, float[] rowStart, int n,
                 boolean accumulate, boolean relu) {
        int outRows = transpose ? w.cols() : w.rows();
        return new SpiCall(outRows, rowsOfWidth(outRows, n), (out, from, to) -> p.diagonalMult(w.rows(), w.cols(),
                w.pattern().diagonals(), w.values(), transpose, x, out, rowStart, n, from, to, accumulate, relu));
    }

    /** Ranges run along the diagonals: value {@code k * D + i} belongs to position {@code i}. */
    @Override
    SpiCall sampledMult(KernelProvider p, DiagonalMatrix w, float[] a, float[] b, int n, boolean accumulate) {
        int d = w.pattern().length();
        int[] positionOfEntry = new int[w.nnz()];
        for (int e = 0; e < positionOfEntry.length; e++) {
            positionOfEntry[e] = e % d;
        }
        return new SpiCall(d, positionOfEntry, (out, from, to) -> p.diagonalSampledMult(w.rows(), w.cols(),
                w.pattern().diagonals(), a, b, n, out, from, to, accumulate));
    }
}

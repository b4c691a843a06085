package rewire.testkit;

import java.util.List;
import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;
import rewire.sparse.NmMatrix;
import rewire.sparse.NmPattern;

/**
 * The N:M format under the {@link StructuredKernelContract}: {@link Kernels#nm()}, whose matrix is
 * a fan-in matrix of fan-in {@code cols / m * n} ({@link NmMatrix#asFanIn()}), so its SPI calls
 * are the {@link FanInFormat}'s on that view.
 */
final class NmFormat extends FormatAdapter<NmMatrix, NmPattern> {
    private final FanInFormat fanIn = new FanInFormat();

    NmFormat() {
        super("N:M", Kernels::nm, NmMatrix::pattern, NmMatrix::values, (w, values) -> new NmMatrix(w.pattern(), values),
                NmMatrix::toCsr);
    }

    /** 1:4, 2:4, 1:8, 4:8 and N = M (dense), batches of every kind, then shapes that run in several chunks. */
    @Override
    List<StructuredCase<NmMatrix, NmPattern>> cases() {
        return List.of(
                nm(31, 40, 9, 1, 4),
                nm(207, 64, 32, 2, 4),  // batch of 8 vectors at 128 bits: the aligned grid
                nm(13, 104, 16, 1, 8),
                nm(100, 64, 128, 4, 8),
                nm(1, 8, 3, 8, 8),      // N = M: dense
                nm(207, 704, 131, 1, 8).inSeveralChunks(),
                nm(702, 200, 64, 2, 4).inSeveralChunks());
    }

    private StructuredCase<NmMatrix, NmPattern> nm(int rows, int cols, int batch, int n, int m) {
        return StructuredCase.of(this, rows, cols, batch, n + ":" + m + " (fan-in " + cols / m * n + ")", rng -> {
            NmPattern p = NmPattern.random(rows, cols, n, m, rng);
            return new NmMatrix(p, RandomData.floats(rng, p.nnz()));
        });
    }

    @Override
    SpiCall mult(KernelProvider p, NmMatrix w, boolean transpose, float[] x, float[] rowStart, int n,
                 boolean accumulate, boolean relu) {
        return fanIn.mult(p, w.asFanIn(), transpose, x, rowStart, n, accumulate, relu);
    }

    @Override
    SpiCall sampledMult(KernelProvider p, NmMatrix w, float[] a, float[] b, int n, boolean accumulate) {
        return fanIn.sampledMult(p, w.asFanIn(), a, b, n, accumulate);
    }
}

package rewire.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static rewire.simd.Oracle.abs;
import static rewire.simd.Oracle.assertClose;
import static rewire.simd.Oracle.gaussian;

import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rewire.kernel.KernelProvider;
import rewire.kernel.ScalarKernels;
import rewire.tensor.Rng;

/**
 * The Vector API dense product against {@link ScalarKernels} for all four transpose combinations,
 * with offsets and leading dimensions wider than the matrices, and bitwise invariance when the
 * rows of C are computed in pieces (as the parallel facade does).
 */
class GemmTest {
    private static final int OFFSET = 3;
    private static final int PAD = 2;
    private final KernelProvider vector = new VectorKernels();
    private final KernelProvider scalar = new ScalarKernels();

    static Stream<Arguments> cases() {
        int[] s = Oracle.SIZES;
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int i = 0; i < s.length; i++) {
            int m = s[i];
            int n = s[(i + 3) % s.length];
            int k = s[(i + 7) % s.length];
            for (int t = 0; t < 4; t++) {
                cases.add(Arguments.of(m, n, k, (t & 1) != 0, (t & 2) != 0));
            }
        }
        return cases.build();
    }

    /** A stored operand: {@code rows x cols} logical values at OFFSET with row stride cols + PAD. */
    private record Stored(float[] data, int ld) {
        static Stored random(int rows, int cols, Rng rng) {
            return new Stored(gaussian(OFFSET + rows * (cols + PAD), rng), cols + PAD);
        }
    }

    @ParameterizedTest(name = "m {0}, n {1}, k {2}, transA {3}, transB {4}")
    @MethodSource("cases")
    void gemmMatchesScalar(int m, int n, int k, boolean transA, boolean transB) {
        Rng rng = new Rng(Objects.hash(m, n, k, transA, transB));
        Stored a = transA ? Stored.random(k, m, rng) : Stored.random(m, k, rng);
        Stored b = transB ? Stored.random(n, k, rng) : Stored.random(k, n, rng);
        for (boolean accumulate : new boolean[] {false, true}) {
            Stored c0 = Stored.random(m, n, rng);
            float[] expected = c0.data().clone();
            float[] actual = c0.data().clone();
            float[] magnitude = abs(c0.data());
            scalar.gemm(transA, transB, m, n, k, a.data(), OFFSET, a.ld(), b.data(), OFFSET, b.ld(),
                    expected, OFFSET, c0.ld(), accumulate);
            vector.gemm(transA, transB, m, n, k, a.data(), OFFSET, a.ld(), b.data(), OFFSET, b.ld(),
                    actual, OFFSET, c0.ld(), accumulate);
            scalar.gemm(transA, transB, m, n, k, abs(a.data()), OFFSET, a.ld(), abs(b.data()), OFFSET, b.ld(),
                    magnitude, OFFSET, c0.ld(), accumulate);
            // The padding between rows and the offset must come through untouched, which the
            // comparison covers: the scalar kernel leaves them as they were too.
            assertClose(expected, actual, magnitude, k + 1, "gemm" + (accumulate ? " accumulated" : ""));
        }
    }

    @ParameterizedTest(name = "m {0}, n {1}, k {2}, transA {3}, transB {4}")
    @MethodSource("cases")
    void rowsOfCComputedInPiecesAreBitwiseTheSame(int m, int n, int k, boolean transA, boolean transB) {
        Rng rng = new Rng(Objects.hash(m, n, k, transA, transB) + 1);
        Stored a = transA ? Stored.random(k, m, rng) : Stored.random(m, k, rng);
        Stored b = transB ? Stored.random(n, k, rng) : Stored.random(k, n, rng);
        int ldc = n + PAD;
        float[] whole = new float[OFFSET + m * ldc];
        float[] pieces = new float[OFFSET + m * ldc];
        vector.gemm(transA, transB, m, n, k, a.data(), OFFSET, a.ld(), b.data(), OFFSET, b.ld(),
                whole, OFFSET, ldc, false);
        for (int from = 0; from < m; ) {
            int to = Math.min(m, from + 1 + rng.nextInt(9));
            int aOff = OFFSET + (transA ? from : from * a.ld());
            vector.gemm(transA, transB, to - from, n, k, a.data(), aOff, a.ld(), b.data(), OFFSET, b.ld(),
                    pieces, OFFSET + from * ldc, ldc, false);
            from = to;
        }
        assertArrayEquals(whole, pieces);
    }
}

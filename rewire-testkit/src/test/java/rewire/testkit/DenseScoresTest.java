package rewire.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rewire.kernel.DenseScores;
import rewire.kernel.Kernels;
import rewire.kernel.NativeBlas;
import rewire.kernel.Parallel;
import rewire.kernel.ScalarKernels;
import rewire.kernel.TopK;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * {@link DenseScores#topAbsProductOutside} against a brute force that scores every position of
 * the dense product, sorts, and takes the best k outside the pattern.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DenseScoresTest {
    private Parallel pool;
    private Kernels scalar;

    /** A scored position of the brute force. */
    private record Scored(long position, float score) {
    }

    @BeforeAll
    void createKernels() {
        pool = new Parallel(2);
        scalar = new Kernels(new ScalarKernels(), null, pool, "test");
    }

    @AfterAll
    void closePool() {
        pool.close();
    }

    @Test
    void scalarPathEqualsBruteForceExactlyForEveryTileSize() {
        Rng rng = new Rng(3);
        int[][] shapes = {{1, 1, 1}, {7, 13, 3}, {31, 64, 8}, {100, 207, 13}};
        for (int[] s : shapes) {
            Tensor a = RandomData.tensor(rng, s[0], s[2]);
            Tensor b = RandomData.tensor(rng, s[1], s[2]);
            SparsityPattern exclude = RandomData.pattern(rng, s[0], s[1], RandomData.PatternKind.PERCENT_10);
            for (int k : new int[] {0, 1, 5, s[0] * s[1] / 3, s[0] * s[1]}) {
                List<Scored> want = bruteForce(a, b, exclude, k);
                // tiles of one score, of part of a row, of a size that does not divide rows, and of
                // the whole matrix
                for (int tileFloats : new int[] {1, s[1] / 2 + 1, 3 * s[1] + 1, DenseScores.DEFAULT_TILE_FLOATS}) {
                    TopK.Result got = DenseScores.topAbsProductOutside(scalar, a, b, exclude, k, tileFloats);
                    assertSame(want, got, s, k, tileFloats);
                }
            }
        }
    }

    @Test
    void tiesGoToTheLowerPosition() {
        // entries in {-1, 0, 1} make many exactly equal scores
        Rng rng = new Rng(9);
        Tensor a = ternary(rng, 31, 4);
        Tensor b = ternary(rng, 13, 4);
        SparsityPattern exclude = RandomData.withEmptyRowsAndCols(rng, 31, 13, 0.5);
        for (int k : new int[] {1, 10, 50, 200}) {
            assertSame(bruteForce(a, b, exclude, k), DenseScores.topAbsProductOutside(scalar, a, b, exclude, k, 40),
                    new int[] {31, 13, 4}, k, 40);
        }
    }

    /**
     * The scan first drops scores below a floor estimated from the first tile. When the first tile
     * is not like the rest (here its rows are a thousand times larger, and later rows may be NaN),
     * fewer than k numbers beat that floor, and the selection must still be the exact one.
     */
    @Test
    void aFloorEstimatedFromAnUnrepresentativeFirstTileStillSelectsExactly() {
        Rng rng = new Rng(12);
        int rows = 100;
        int cols = 207;
        int tileRows = 10;
        for (boolean nanRows : new boolean[] {false, true}) {
            Tensor a = RandomData.tensor(rng, rows, 13);
            for (int i = 0; i < tileRows * 13; i++) {
                a.data()[i] *= 1000f;
            }
            if (nanRows) {
                for (int r = 60; r < 63; r++) {
                    a.set(r, 5, Float.NaN);
                }
            }
            Tensor b = RandomData.tensor(rng, cols, 13);
            SparsityPattern exclude = RandomData.pattern(rng, rows, cols, RandomData.PatternKind.PERCENT_10);
            for (int k : new int[] {8, 800, 1500, 5000}) {
                assertSame(bruteForce(a, b, exclude, k),
                        DenseScores.topAbsProductOutside(scalar, a, b, exclude, k, tileRows * cols),
                        new int[] {rows, cols, 13}, k, tileRows * cols);
            }
        }
    }

    @Test
    void fullPatternLeavesNothingToScore() {
        Rng rng = new Rng(1);
        TopK.Result got = DenseScores.topAbsProductOutside(scalar, RandomData.tensor(rng, 8, 3),
                RandomData.tensor(rng, 7, 3), Patterns.full(8, 7), 5, 16);
        assertEquals(0, got.size());
    }

    @Test
    void rejectsMismatchedShapesAndTiles() {
        Tensor a = Tensor.zeros(4, 3);
        Tensor b = Tensor.zeros(5, 3);
        assertThrows(IllegalArgumentException.class,
                () -> DenseScores.topAbsProductOutside(scalar, a, b, Patterns.empty(5, 4), 1, 16));
        assertThrows(IllegalArgumentException.class,
                () -> DenseScores.topAbsProductOutside(scalar, a, Tensor.zeros(5, 2), Patterns.empty(4, 5), 1, 16));
        assertThrows(IllegalArgumentException.class,
                () -> DenseScores.topAbsProductOutside(scalar, a, b, Patterns.empty(4, 5), 1, 0));
    }

    /**
     * With OpenBLAS the scores differ from the scalar ones by rounding, so near-ties may swap: every
     * returned score must be its position's true score within tolerance, and no position left out
     * may beat the k-th returned score by more than the tolerance.
     */
    @Test
    void openBlasPathSelectsTheBestWithinRounding() {
        NativeBlas blas = OpenBlasFixture.loadOrSkip(1);
        Rng rng = new Rng(4);
        Tensor a = RandomData.tensor(rng, 207, 64);
        Tensor b = RandomData.tensor(rng, 100, 64);
        SparsityPattern exclude = RandomData.pattern(rng, 207, 100, RandomData.PatternKind.PERCENT_50);
        int k = 500;
        TopK.Result got = DenseScores.topAbsProductOutside(new Kernels(new ScalarKernels(), blas, pool, "test"),
                a, b, exclude, k, 30 * 100);
        List<Scored> all = bruteForce(a, b, exclude, Integer.MAX_VALUE);
        float[] truth = new float[207 * 100];
        all.forEach(s -> truth[(int) s.position()] = s.score());
        double tolerance = FloatChecks.allowance(64);
        assertEquals(k, got.size());
        for (int i = 0; i < k; i++) {
            long p = got.positions()[i];
            assertTrue(!exclude.contains((int) (p / 100), (int) (p % 100)), "position " + p + " is in the pattern");
            assertEquals(truth[(int) p], got.scores()[i], tolerance, "score of position " + p);
        }
        float kth = got.scores()[k - 1];
        assertTrue(all.get(k).score() <= kth + tolerance, "best left-out score " + all.get(k).score()
                + " beats the k-th selected " + kth);
    }

    // all positions outside the pattern scored in the scalar GEMM's summation order, best first
    private static List<Scored> bruteForce(Tensor a, Tensor b, SparsityPattern exclude, int k) {
        int batch = a.cols();
        List<Scored> all = new ArrayList<>();
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < b.rows(); c++) {
                if (exclude.contains(r, c)) {
                    continue;
                }
                float dot = 0f;
                for (int j = 0; j < batch; j++) {
                    dot += a.get(r, j) * b.get(c, j);
                }
                all.add(new Scored((long) r * b.rows() + c, Math.abs(dot)));
            }
        }
        all.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingLong(Scored::position));
        return all.subList(0, Math.min(k, all.size()));
    }

    private static void assertSame(List<Scored> want, TopK.Result got, int[] shape, int k, int tileFloats) {
        String what = "rows " + shape[0] + ", cols " + shape[1] + ", batch " + shape[2] + ", k " + k
                + ", tile " + tileFloats;
        assertArrayEquals(want.stream().mapToLong(Scored::position).toArray(), got.positions(), what + ": positions");
        float[] scores = new float[want.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = want.get(i).score();
        }
        FloatChecks.assertBitwiseEqual(what + ": scores", scores, got.scores());
    }

    private static Tensor ternary(Rng rng, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = rng.nextInt(3) - 1;
        }
        return t;
    }
}

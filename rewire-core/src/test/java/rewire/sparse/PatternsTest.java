package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

class PatternsTest {

    @Test
    void randomHasExactNnzAndValidStructureOnBothSidesOfHalf() {
        Rng rng = new Rng(1);
        int rows = 13;
        int cols = 31;
        int size = rows * cols;
        for (int nnz : new int[] {0, 1, 2, size / 10, size / 2, size / 2 + 1, size - 1, size}) {
            SparsityPattern p = Patterns.random(rows, cols, nnz, rng);
            assertEquals(nnz, p.nnz(), "nnz");
            assertValid(p);
        }
        assertEquals(0, Patterns.random(0, 5, 0, rng).nnz());
    }

    @Test
    void randomIsReproducibleFromItsSeed() {
        assertEquals(Patterns.random(50, 40, 300, new Rng(9)), Patterns.random(50, 40, 300, new Rng(9)));
        assertEquals(Patterns.random(50, 40, 1700, new Rng(9)), Patterns.random(50, 40, 1700, new Rng(9)));
        assertNotEquals(Patterns.random(50, 40, 300, new Rng(9)), Patterns.random(50, 40, 300, new Rng(10)));
    }

    @Test
    void randomCoversEveryPositionEvenly() {
        // 2000 draws per nnz: each position is hit Binomial(2000, nnz / 100) times; allow 5 sigma
        for (int nnz : new int[] {30, 70}) {
            Rng rng = new Rng(nnz);
            int[] hits = new int[100];
            int draws = 2000;
            for (int i = 0; i < draws; i++) {
                boolean[] mask = Patterns.toMask(Patterns.random(10, 10, nnz, rng));
                for (int j = 0; j < 100; j++) {
                    hits[j] += mask[j] ? 1 : 0;
                }
            }
            double q = nnz / 100.0;
            double mean = draws * q;
            double sigma = Math.sqrt(draws * q * (1 - q));
            for (int j = 0; j < 100; j++) {
                assertTrue(Math.abs(hits[j] - mean) < 5 * sigma, "position " + j + " hit " + hits[j]
                        + " times, expected " + mean + " +- " + 5 * sigma + " (nnz " + nnz + ")");
            }
        }
    }

    @Test
    void randomRejectsImpossibleCounts() {
        Rng rng = new Rng(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Patterns.random(3, 4, 13, rng));
        assertTrue(e.getMessage().contains("13") && e.getMessage().contains("3 x 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Patterns.random(3, 4, -1, rng));
        assertThrows(IllegalArgumentException.class, () -> Patterns.random(-3, 4, 0, rng));
    }

    @Test
    void fullAndEmpty() {
        SparsityPattern full = Patterns.full(3, 4);
        assertValid(full);
        assertEquals(12, full.nnz());
        assertEquals(1.0, full.density());
        boolean[] all = new boolean[12];
        java.util.Arrays.fill(all, true);
        assertArrayEquals(all, Patterns.toMask(full));
        SparsityPattern empty = Patterns.empty(3, 4);
        assertValid(empty);
        assertEquals(0, empty.nnz());
        assertEquals(0, Patterns.full(0, 4).nnz());
    }

    @Test
    void erdosRenyiDensityFollowsTheSetFormula() {
        assertEquals(20.0 * (784 + 1000) / (784.0 * 1000), Patterns.erdosRenyiDensity(784, 1000, 20), 1e-15);
        assertEquals(1.0, Patterns.erdosRenyiDensity(10, 10, 20), "capped at 1");
        for (double eps : new double[] {0, -1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> Patterns.erdosRenyiDensity(10, 10, eps));
        }
        double d = Patterns.erdosRenyiDensity(300, 100, 11);
        SparsityPattern p = Patterns.erdosRenyi(300, 100, 11, new Rng(2));
        assertEquals(Math.round(d * 300 * 100), p.nnz());
        assertValid(p);
    }

    @Test
    void maskRoundTrips() {
        Rng rng = new Rng(6);
        boolean[] mask = new boolean[7 * 13];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextInt(3) == 0;
        }
        SparsityPattern p = Patterns.fromMask(mask, 7, 13);
        assertValid(p);
        assertArrayEquals(mask, Patterns.toMask(p));
        assertEquals(p, Patterns.fromMask(Patterns.toMask(p), 7, 13));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Patterns.fromMask(mask, 7, 12));
        assertTrue(e.getMessage().contains("mask has length 91, expected 7 x 12"), e.getMessage());
    }

    @Test
    void denseRoundTripsKeepNonzerosOnly() {
        float[] data = {0, 1.5f, 0, -0f, Float.NaN, 0, -2, 0, 3, 0, 0, Float.MIN_VALUE};
        Tensor dense = Tensor.of(data, 3, 4);
        CsrMatrix sparse = Patterns.fromDense(dense);
        assertValid(sparse.pattern());
        assertEquals(5, sparse.nnz(), "1.5, NaN, -2, 3 and MIN_VALUE are nonzero; -0 is zero");
        Tensor back = Patterns.toDense(sparse);
        for (int i = 0; i < data.length; i++) {
            float want = data[i] == 0f ? 0f : data[i];
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(back.data()[i]), "element " + i);
        }
    }

    @Test
    void gatherTakesTheEntriesOfThePattern() {
        Rng rng = new Rng(3);
        Tensor dense = Tensor.zeros(8, 5);
        for (int i = 0; i < dense.size(); i++) {
            dense.data()[i] = rng.nextFloat() + 0.5f;
        }
        SparsityPattern p = Patterns.random(8, 5, 17, rng);
        CsrMatrix m = Patterns.gather(dense, p);
        Tensor masked = Patterns.toDense(m);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(p.contains(r, c) ? dense.get(r, c) : 0f, masked.get(r, c));
                assertEquals(masked.get(r, c), m.get(r, c));
            }
        }
        assertEquals(p, Patterns.fromDense(masked).pattern());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Patterns.gather(Tensor.zeros(5, 8), p));
        assertTrue(e.getMessage().contains("(5, 8)") && e.getMessage().contains("8 x 5"), e.getMessage());
    }

    @Test
    void sortedPositionsMustBeInRangeAndIncreasing() {
        assertEquals(SparsityPattern.of(2, 3, new int[] {0, 1, 3}, new int[] {2, 0, 1}),
                Patterns.fromSortedPositions(2, 3, new long[] {2, 3, 4}));
        assertThrows(IllegalArgumentException.class, () -> Patterns.fromSortedPositions(2, 3, new long[] {3, 2}));
        assertThrows(IllegalArgumentException.class, () -> Patterns.fromSortedPositions(2, 3, new long[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Patterns.fromSortedPositions(2, 3, new long[] {6}));
        assertThrows(IllegalArgumentException.class, () -> Patterns.fromSortedPositions(2, 3, new long[] {-1}));
    }

    @Test
    void randomDrawsWithReplacementAndTopsUpUntilTheSetIsFull() {
        // the definition, on a set: each round draws as many positions as are missing
        for (int nnz : new int[] {1, 50, 200, 250, 251, 499}) {
            Rng rng = new Rng(nnz);
            int drawn = nnz > 250 ? 500 - nnz : nnz;
            java.util.TreeSet<Long> set = new java.util.TreeSet<>();
            while (set.size() < drawn) {
                for (int i = set.size(); i < drawn; i++) {
                    set.add(rng.nextLong(500));
                }
            }
            boolean[] mask = new boolean[500];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = set.contains((long) i) == nnz <= 250;
            }
            assertEquals(Patterns.fromMask(mask, 20, 25), Patterns.random(20, 25, nnz, new Rng(nnz)), "nnz " + nnz);
        }
    }

    @Test
    void subsetKeepsTheFlaggedEntriesInOrder() {
        forEachSeed(31, 200, rng -> {
            SparsityPattern p = anyShape(rng);
            boolean[] keep = new boolean[p.nnz()];
            boolean[] mask = new boolean[p.rows() * p.cols()];
            for (int r = 0; r < p.rows(); r++) {
                for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                    keep[e] = rng.nextInt(3) > 0;
                    mask[r * p.cols() + p.colIdx()[e]] = keep[e];
                }
            }
            SparsityPattern kept = Patterns.subset(p, keep);
            assertValid(kept);
            assertEquals(Patterns.fromMask(mask, p.rows(), p.cols()), kept);
        });
        assertThrows(IllegalArgumentException.class, () -> Patterns.subset(Patterns.full(2, 2), new boolean[3]));
    }

    @Test
    void unionIsTheSetUnionAndTheFirstPatternItselfWhenTheSecondAddsNothing() {
        forEachSeed(32, 200, rng -> {
            SparsityPattern a = anyShape(rng);
            SparsityPattern b = anyNnz(a.rows(), a.cols(), rng);
            boolean[] either = Patterns.toMask(a);
            boolean[] inB = Patterns.toMask(b);
            for (int i = 0; i < either.length; i++) {
                either[i] |= inB[i];
            }
            SparsityPattern union = Patterns.union(a, b);
            assertValid(union);
            assertEquals(Patterns.fromMask(either, a.rows(), a.cols()), union);
            assertSame(union, Patterns.union(union, a), "nothing to add");
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Patterns.union(Patterns.full(2, 3), Patterns.full(3, 2)));
        assertTrue(e.getMessage().contains("2 x 3 and 3 x 2"), e.getMessage());
    }

    private static SparsityPattern anyShape(Rng rng) {
        return anyNnz(intBetween(rng, 0, 9), intBetween(rng, 1, 17), rng);
    }

    // a random pattern of the shape with from none to every position
    private static SparsityPattern anyNnz(int rows, int cols, Rng rng) {
        return Patterns.random(rows, cols, rng.nextInt(rows * cols + 1), rng);
    }

    static void assertValid(SparsityPattern p) {
        SparsityPattern.check(p.rows(), p.cols(), p.rowPtr(), p.colIdx());
    }
}

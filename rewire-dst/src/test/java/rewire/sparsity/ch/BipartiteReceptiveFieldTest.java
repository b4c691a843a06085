package rewire.sparsity.ch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.ch.BipartiteReceptiveField.Degrees;
import rewire.tensor.Rng;

class BipartiteReceptiveFieldTest {

    /*
     * 4 x 8 at density 1/4: 8 links, balanced degree 2 each; stride 8/4 = 2 puts row i's centre
     * at column 2i. At r = 0 each row takes its centre and the nearer of the two columns at ring
     * distance 1, the lower one on a tie: row 0 {0, 1} (7 and 1 tie, 1 is lower), row 1 {1, 2},
     * row 2 {3, 4}, row 3 {5, 6}.
     */
    private static final int[][] LOCAL = {
        {1, 1, 0, 0, 0, 0, 0, 0},
        {0, 1, 1, 0, 0, 0, 0, 0},
        {0, 0, 0, 1, 1, 0, 0, 0},
        {0, 0, 0, 0, 0, 1, 1, 0}};

    @Test
    void purelyLocalFieldIsABand() {
        assertEquals(L3nReference.pattern(LOCAL),
                BipartiteReceptiveField.pattern(4, 8, 0.25, 0, Degrees.BALANCED, new Rng(1)));
    }

    @Test
    void tallLayersGetTheTransposedField() {
        int[][] transposed = new int[8][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 8; c++) {
                transposed[c][r] = LOCAL[r][c];
            }
        }
        assertEquals(L3nReference.pattern(transposed),
                BipartiteReceptiveField.pattern(8, 4, 0.25, 0, Degrees.BALANCED, new Rng(1)));
    }

    @Test
    void linkCountFollowsTheDensityAndEveryNeuronIsLinked() {
        for (double r : new double[] {0, 0.3, 1}) {
            for (Degrees d : Degrees.values()) {
                SparsityPattern p = BipartiteReceptiveField.pattern(20, 30, 0.1, r, d, new Rng(5));
                assertEquals(60, p.nnz(), "r " + r + ", " + d);
                for (int row = 0; row < 20; row++) {
                    assertTrue(p.rowEnd(row) > p.rowStart(row), "row " + row + " has a link");
                }
            }
        }
    }

    @Test
    void randomnessWidensTheField() {
        double local = meanRingDistance(BipartiteReceptiveField.pattern(50, 200, 0.05, 0, new Rng(3)));
        double mixed = meanRingDistance(BipartiteReceptiveField.pattern(50, 200, 0.05, 0.3, new Rng(3)));
        double random = meanRingDistance(BipartiteReceptiveField.pattern(50, 200, 0.05, 1, new Rng(3)));
        assertTrue(local < mixed && mixed < random, local + " < " + mixed + " < " + random);
        assertEquals(50, random, 8, "uniform links sit 200/4 = 50 away on average");
    }

    @Test
    void sameSeedSameField() {
        assertEquals(BipartiteReceptiveField.pattern(30, 40, 0.2, 0.5, new Rng(8)),
                BipartiteReceptiveField.pattern(30, 40, 0.2, 0.5, new Rng(8)));
    }

    @Test
    void nearestBreaksTiesTowardTheLowerIndex() {
        assertArrayEquals(new int[] {0, 1, 7}, BipartiteReceptiveField.nearest(0, 3, 8));
        assertArrayEquals(new int[] {3, 2, 4, 1}, BipartiteReceptiveField.nearest(3, 4, 8));
        assertArrayEquals(new int[] {0, 1, 3, 2}, BipartiteReceptiveField.nearest(0, 4, 4));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BipartiteReceptiveField.pattern(4, 8, 1.5, 0, new Rng(0)));
        assertThrows(IllegalArgumentException.class, () -> BipartiteReceptiveField.pattern(4, 8, 0.5, -0.1, new Rng(0)));
        // 100 x 100 at density 0.005 has 50 links for 100 neurons
        assertThrows(IllegalArgumentException.class,
                () -> BipartiteReceptiveField.pattern(100, 100, 0.005, 0.3, Degrees.UNIFORM, new Rng(0)));
        assertEquals(0, BipartiteReceptiveField.pattern(4, 8, 0, 0.3, new Rng(0)).nnz());
    }

    // mean ring distance between each link's column and its row's centre (rows are the smaller side)
    private static double meanRingDistance(SparsityPattern p) {
        int stride = p.cols() / p.rows();
        double sum = 0;
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                int d = Math.abs(p.colIdx()[e] - r * stride);
                sum += Math.min(d, p.cols() - d);
            }
        }
        return sum / p.nnz();
    }
}

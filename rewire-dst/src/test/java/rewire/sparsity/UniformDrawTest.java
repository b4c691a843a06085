package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.RandomCases;
import rewire.tensor.Rng;

/** Rejection-sampled random growth: distinct free positions, uniform over them, reproducible. */
class UniformDrawTest {

    @Test
    void drawsDistinctFreePositionsInOrder() {
        RandomCases.forEachSeed(11, 50, rng -> {
            int rows = 1 + rng.nextInt(40);
            int cols = 1 + rng.nextInt(40);
            SparsityPattern exclude = Patterns.random(rows, cols, rng.nextInt(rows * cols / 2 + 1), rng);
            long free = (long) rows * cols - exclude.nnz();
            int count = (int) (free / UniformDraw.MIN_FREE_PER_DRAW);
            if (count == 0) {
                return;
            }
            assertTrue(UniformDraw.applies(exclude, count));
            Selection s = UniformDraw.select(exclude, count, rng);
            assertEquals(count, s.size());
            for (long p : s.positions()) {
                assertFalse(exclude.contains((int) (p / cols), (int) (p % cols)), "excluded position " + p + " drawn");
            }
        });
    }

    @Test
    void everyFreePositionIsEquallyLikely() {
        // 6 x 5 layer, 10 excluded, 20 free; draw 10 per trial: each free position is drawn with probability 1/2.
        Rng rng = new Rng(3);
        SparsityPattern exclude = Patterns.random(6, 5, 10, rng);
        int trials = 20_000;
        int[] hits = new int[30];
        for (int t = 0; t < trials; t++) {
            for (long p : UniformDraw.select(exclude, 10, rng).positions()) {
                hits[(int) p]++;
            }
        }
        for (int p = 0; p < 30; p++) {
            if (exclude.contains(p / 5, p % 5)) {
                assertEquals(0, hits[p]);
            } else {  // binomial(20000, 0.5): sd 71, so 5 sd is 354
                assertEquals(trials / 2.0, hits[p], 354, "position " + p);
            }
        }
    }

    @Test
    void sameSeedSameDrawAndTheKeyScanTakesOverWhenFew() {
        SparsityPattern exclude = Patterns.random(50, 40, 300, new Rng(5));
        assertArrayEquals(UniformDraw.select(exclude, 100, new Rng(9)).positions(),
                UniformDraw.select(exclude, 100, new Rng(9)).positions());
        assertTrue(UniformDraw.applies(exclude, 850));
        assertFalse(UniformDraw.applies(exclude, 851), "1700 free positions: rejection only up to half of them");
        assertFalse(UniformDraw.applies(exclude, 0));
    }
}

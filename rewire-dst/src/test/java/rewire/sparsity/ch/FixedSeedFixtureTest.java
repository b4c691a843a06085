package rewire.sparsity.ch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * METHODS Appendix 1.3: with a fixed seed, soft sampling and random initialization give the
 * masks stored here. The fixtures were generated once by this code; a change in them means the
 * random stream or the sampling law changed, which breaks the reproducibility of recorded runs.
 */
class FixedSeedFixtureTest {
    private static final SparsityPattern LAYER = SparsityPattern.of(8, 6,
            new int[] {0, 1, 4, 7, 7, 8, 9, 13, 14},
            new int[] {0, 1, 4, 5, 0, 2, 5, 2, 2, 0, 1, 2, 3, 0});

    @Test
    void softRegrowth() {
        assertArrayEquals(new long[] {8, 13, 15, 35, 47},
                CannistraciHebb.sampleSoft(LAYER, 5, CHVariant.CH2, 3, null, new Rng(2024)).positions());
    }

    @Test
    void softRemoval() {
        float[] magnitudes = {0.3f, 0.1f, 0.7f, 0.2f, 0.9f, 0.05f, 0.4f};
        assertArrayEquals(new int[] {2, 3, 4, 6}, SoftRemoval.keep(magnitudes, 4, 3, new Rng(2024)));
    }

    @Test
    void bipartiteReceptiveField() {
        SparsityPattern expected = SparsityPattern.of(4, 10,
                new int[] {0, 3, 6, 8, 12},
                new int[] {0, 1, 6, 0, 1, 2, 1, 4, 4, 5, 6, 9});
        assertEquals(expected, BipartiteReceptiveField.pattern(4, 10, 0.3, 0.3, new Rng(2024)));
    }
}

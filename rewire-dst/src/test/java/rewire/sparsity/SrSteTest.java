package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;

/** SR-STE (METHODS I.6). */
class SrSteTest {

    @Test
    void everyGroupKeepsExactlyNOfItsLargestMagnitudes() {
        float[] w = {0.1f, -0.9f, 0.5f, 0.2f, /**/ 3f, 0f, -4f, 1f, /**/ 1f, 1f, 1f, 1f};
        boolean[] mask = new SrSte(2, 4, 2e-4).mask(w);
        assertArrayEquals(new boolean[] {false, true, true, false, true, false, true, false, true, true, false, false}, mask);
        Rng rng = new Rng(1);
        float[] big = new float[12 * 16];
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) rng.nextGaussian();
        }
        boolean[] m = new SrSte(1, 4, 0).mask(big);
        for (int g = 0; g < big.length; g += 4) {
            int kept = 0;
            for (int i = 0; i < 4; i++) {
                kept += m[g + i] ? 1 : 0;
            }
            assertEquals(1, kept);
        }
        assertArrayEquals(Patterns.toMask(new SrSte(1, 4, 0).pattern(big, 12, 16)), m);
    }

    @Test
    void prunedEntriesGetTheDecayOnTopOfTheStraightThroughGradient() {
        SrSte s = new SrSte(2, 4, 2e-4);
        float[] w = {0.1f, -0.9f, 0.5f, 0.2f};
        float[] upstream = {1f, 2f, 3f, 4f};
        boolean[] mask = s.mask(w);
        float[] g = upstream.clone();
        s.refineGradient(w, mask, g);
        assertEquals(1f + 2e-4f * 0.1f, g[0], 0f);
        assertEquals(2f, g[1], 0f);
        assertEquals(3f, g[2], 0f);
        assertEquals(4f + 2e-4f * 0.2f, g[3], 0f);
        float[] forward = new float[4];
        s.applyMask(w, mask, forward);
        assertArrayEquals(new float[] {0f, -0.9f, 0.5f, 0f}, forward);
    }

    @Test
    void nEqualsMIsDenseTraining() {
        SrSte dense = new SrSte(4, 4, 2e-4);
        float[] w = {0.1f, -0.9f, 0.5f, 0.2f};
        boolean[] mask = dense.mask(w);
        assertArrayEquals(new boolean[] {true, true, true, true}, mask);
        float[] g = {1f, 2f, 3f, 4f};
        dense.refineGradient(w, mask, g);
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, g);
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SrSte(3, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new SrSte(2, 4, 0).mask(new float[6]));
    }
}

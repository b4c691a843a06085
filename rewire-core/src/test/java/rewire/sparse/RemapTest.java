package rewire.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.forEachSeed;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

/**
 * Properties of {@link Remap}, each checked on many random pattern pairs (see
 * {@link rewire.tensor.RandomCases}): kept entries move bit for bit (NaN payloads and -0.0
 * included), grown entries take the fill, counts add up, and the identity is the identity.
 */
class RemapTest {
    private static final int CASES = 500;
    /** Bit patterns that a plain float comparison would blur: -0.0, quiet and signaling NaNs, infinities. */
    private static final int[] SPECIAL_BITS = {0x80000000, 0x7fc00000, 0x7fc00001, 0xffc12345, 0x7f800001,
            0x7f800000, 0xff800000, 0x00000001};

    /** Two patterns of one shape (up to 12 x 12, any density, sometimes equal) and the values of the first. */
    record Case(SparsityPattern from, SparsityPattern to, float[] values, float fill) {
        static Case random(Rng rng) {
            int rows = rng.nextInt(13);
            int cols = rng.nextInt(13);
            int size = rows * cols;
            SparsityPattern from = Patterns.random(rows, cols, rng.nextInt(size + 1), rng);
            SparsityPattern to = rng.nextInt(4) == 0 ? from : Patterns.random(rows, cols, rng.nextInt(size + 1), rng);
            // randomValues makes every fourth value special, so the fill is special a quarter of the time
            return new Case(from, to, randomValues(rng, from.nnz()), randomValues(rng, 4)[rng.nextInt(4)]);
        }
    }

    @Test
    void keptEntriesMoveBitIdenticallyAndGrownOnesTakeTheFill() {
        forEachSeed(1, CASES, rng -> keptEntriesMoveBitIdenticallyAndGrownOnesTakeTheFill(Case.random(rng)));
    }

    private static void keptEntriesMoveBitIdenticallyAndGrownOnesTakeTheFill(Case c) {
        float fill = c.fill();
        Remap remap = Remap.between(c.from(), c.to());
        float[] out = remap.apply(c.values(), fill);
        int[] source = remap.source();
        SparsityPattern to = c.to();
        for (int r = 0; r < to.rows(); r++) {
            for (int e = to.rowStart(r); e < to.rowEnd(r); e++) {
                int col = to.colIdx()[e];
                int old = c.from().indexOf(r, col);
                if (old >= 0) {
                    assertEquals(old, source[e], "source of kept (" + r + ", " + col + ")");
                    assertSameBits(c.values()[old], out[e], "kept (" + r + ", " + col + ")");
                } else {
                    assertEquals(Remap.GROWN, source[e], "source of grown (" + r + ", " + col + ")");
                    assertSameBits(fill, out[e], "grown (" + r + ", " + col + ")");
                }
            }
        }
        float[] into = new float[to.nnz()];
        remap.applyInto(c.values(), into, fill);
        assertArrayEquals(bits(out), bits(into), "applyInto equals apply");
    }

    @Test
    void countsAddUp() {
        forEachSeed(2, CASES, rng -> countsAddUp(Case.random(rng)));
    }

    private static void countsAddUp(Case c) {
        Remap remap = Remap.between(c.from(), c.to());
        boolean[] a = Patterns.toMask(c.from());
        boolean[] b = Patterns.toMask(c.to());
        int both = 0;
        for (int i = 0; i < a.length; i++) {
            both += a[i] && b[i] ? 1 : 0;
        }
        assertEquals(both, remap.kept());
        assertEquals(c.to().nnz(), remap.kept() + remap.grown());
        assertEquals(c.from().nnz(), remap.kept() + remap.pruned());
        int[] source = remap.source();
        int[] grown = remap.grownEntries();
        assertEquals(remap.grown(), grown.length);
        for (int g = 0; g < grown.length; g++) {
            assertEquals(Remap.GROWN, source[grown[g]], "grown entry " + grown[g]);
            assertTrue(g == 0 || grown[g] > grown[g - 1], "grown entries increase");
        }
    }

    @Test
    void sourcesAreDistinctInRangeAndIncreasingWithinARow() {
        forEachSeed(3, CASES, rng -> sourcesAreDistinctInRangeAndIncreasingWithinARow(Case.random(rng)));
    }

    private static void sourcesAreDistinctInRangeAndIncreasingWithinARow(Case c) {
        Remap remap = Remap.between(c.from(), c.to());
        SparsityPattern to = remap.to();
        SparsityPattern.check(to.rows(), to.cols(), to.rowPtr(), to.colIdx());
        int[] source = remap.source();
        boolean[] used = new boolean[c.from().nnz()];
        for (int r = 0; r < to.rows(); r++) {
            int last = -1;
            for (int e = to.rowStart(r); e < to.rowEnd(r); e++) {
                int s = source[e];
                if (s == Remap.GROWN) {
                    continue;
                }
                assertTrue(s >= c.from().rowStart(r) && s < c.from().rowEnd(r), "source " + s + " outside row " + r);
                assertTrue(!used[s] && s > last, "source " + s + " reused or out of order");
                used[s] = true;
                last = s;
            }
        }
    }

    @Test
    void identityAndSelfRemapChangeNothing() {
        forEachSeed(4, CASES, rng -> identityAndSelfRemapChangeNothing(Case.random(rng)));
    }

    private static void identityAndSelfRemapChangeNothing(Case c) {
        float fill = c.fill();
        Remap identity = Remap.identity(c.from());
        Remap self = Remap.between(c.from(), c.from());
        assertArrayEquals(identity.source(), self.source());
        for (Remap remap : new Remap[] {identity, self}) {
            assertEquals(c.from().nnz(), remap.kept());
            assertEquals(0, remap.grown());
            assertEquals(0, remap.pruned());
            assertArrayEquals(bits(c.values()), bits(remap.apply(c.values(), fill)));
        }
    }

    @Test
    void nanPayloadsAndNegativeZeroSurviveExactly() {
        SparsityPattern from = SparsityPattern.of(1, 4, new int[] {0, 3}, new int[] {0, 1, 3});
        SparsityPattern to = SparsityPattern.of(1, 4, new int[] {0, 3}, new int[] {1, 2, 3});
        float[] values = {1f, Float.intBitsToFloat(0x7fc00abc), -0f};
        float[] out = Remap.between(from, to).apply(values, Float.intBitsToFloat(0xffc00001));
        assertArrayEquals(new int[] {0x7fc00abc, 0xffc00001, 0x80000000}, bits(out));
    }

    @Test
    void patternsOfDifferentShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Remap.between(Patterns.empty(3, 4), Patterns.empty(4, 3)));
        assertTrue(e.getMessage().contains("3 x 4") && e.getMessage().contains("4 x 3"), e.getMessage());
    }

    @Test
    void arraysOfTheWrongLengthAreRejected() {
        Remap remap = Remap.between(Patterns.full(2, 2), Patterns.empty(2, 2));
        assertThrows(IllegalArgumentException.class, () -> remap.apply(new float[3], 0f));
        assertThrows(IllegalArgumentException.class, () -> remap.applyInto(new float[4], new float[1], 0f));
        assertEquals("Remap(kept 0, pruned 4, grown 0)", remap.toString());
    }

    // random bits, every fourth value one of the special bit patterns
    private static float[] randomValues(Rng rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            int bits = i % 4 == 3 ? SPECIAL_BITS[rng.nextInt(SPECIAL_BITS.length)] : (int) rng.nextLong();
            v[i] = Float.intBitsToFloat(bits);
        }
        return v;
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    private static void assertSameBits(float want, float got, String what) {
        assertEquals(Integer.toHexString(Float.floatToRawIntBits(want)), Integer.toHexString(Float.floatToRawIntBits(got)),
                what);
    }
}

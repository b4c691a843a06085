package rewire.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.anyDouble;
import static rewire.tensor.RandomCases.doubleBetween;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.gaussians;
import static rewire.tensor.RandomCases.intBetween;
import static rewire.tensor.RandomCases.pattern;
import static rewire.tensor.RandomCases.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.sparse.SparsityPattern;

class RandomCasesTest {

    @Test
    void forEachSeedRunsEverySeedReproduciblyAndNamesTheFailingOne() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        forEachSeed(7, 20, rng -> first.add(rng.nextLong()));
        forEachSeed(7, 20, rng -> second.add(rng.nextLong()));
        assertEquals(20, first.size());
        assertEquals(first, second);
        assertEquals(20, first.stream().distinct().count(), "each seed gets its own generator");

        int[] calls = {0};
        AssertionError e = assertThrows(AssertionError.class, () -> forEachSeed(7, 20, rng -> {
            if (calls[0]++ == 13) {
                throw new AssertionError("broken");
            }
        }));
        assertTrue(e.getMessage().contains("seed 13") && e.getMessage().contains("broken"), e.getMessage());
        assertEquals(14, calls[0], "stops at the first failure");
    }

    @Test
    void intBetweenCoversTheWholeRangeEndsIncluded() {
        Rng rng = new Rng(1);
        int[] seen = new int[7];
        for (int i = 0; i < 2000; i++) {
            seen[intBetween(rng, -3, 3) + 3]++;
        }
        for (int count : seen) {
            assertTrue(count > 0, "never drew some value: " + Arrays.toString(seen));
        }
        assertTrue(seen[0] > seen[3] && seen[6] > seen[3], "ends come up more often: " + Arrays.toString(seen));
        assertEquals(Integer.MAX_VALUE, intBetween(rng, Integer.MAX_VALUE, Integer.MAX_VALUE));
        int wide = intBetween(new Rng(2), Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertTrue(wide >= Integer.MIN_VALUE && wide <= Integer.MAX_VALUE);
        assertThrows(IllegalArgumentException.class, () -> intBetween(rng, 2, 1));
    }

    @Test
    void doubleBetweenStaysInRangeAndHitsBothEnds() {
        Rng rng = new Rng(3);
        int low = 0;
        int high = 0;
        for (int i = 0; i < 2000; i++) {
            double d = doubleBetween(rng, -0.5, 2);
            assertTrue(d >= -0.5 && d <= 2, "out of range: " + d);
            low += d == -0.5 ? 1 : 0;
            high += d == 2 ? 1 : 0;
        }
        assertTrue(low > 50 && high > 50, "ends drawn " + low + " and " + high + " times of 2000");
        assertThrows(IllegalArgumentException.class, () -> doubleBetween(rng, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> doubleBetween(rng, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> doubleBetween(rng, -Double.MAX_VALUE, Double.MAX_VALUE));
    }

    @Test
    void patternHasTheRoundedDensityAndAValidStructure() {
        Rng rng = new Rng(4);
        for (double density : new double[] {0, 0.01, 0.3, 0.5, 0.99, 1}) {
            SparsityPattern p = pattern(rng, 7, 9, density);
            assertEquals(Math.round(density * 63), p.nnz(), "density " + density);
            SparsityPattern.check(7, 9, p.rowPtr(), p.colIdx());
        }
        assertThrows(IllegalArgumentException.class, () -> pattern(rng, 2, 2, 1.5));
        assertThrows(IllegalArgumentException.class, () -> pattern(rng, 2, 2, Double.NaN));
    }

    @Test
    void gaussiansComeFromTheGenerator() {
        float[] a = gaussians(new Rng(5), 1000);
        assertArrayEquals(a, gaussians(new Rng(5), 1000));
        double mean = 0;
        for (float v : a) {
            mean += v / 1000.0;
        }
        assertEquals(0, mean, 0.15, "mean of 1000 standard normals");
        assertEquals(0, gaussians(new Rng(5), 0).length);
    }

    @Test
    void anyDoubleReachesSpecialsAndEveryMagnitude() {
        Rng rng = new Rng(6);
        boolean nan = false;
        boolean infinite = false;
        boolean negativeZero = false;
        boolean huge = false;
        boolean tiny = false;
        boolean everyday = false;
        for (int i = 0; i < 2000; i++) {
            double d = anyDouble(rng);
            nan |= Double.isNaN(d);
            infinite |= Double.isInfinite(d);
            negativeZero |= Double.doubleToRawLongBits(d) == Long.MIN_VALUE;
            huge |= Double.isFinite(d) && Math.abs(d) > 1e100;
            tiny |= d != 0 && Math.abs(d) < 1e-100;
            everyday |= Math.abs(d) > 1e-3 && Math.abs(d) < 1e3 && Math.abs(d) != 1;
        }
        assertTrue(nan, "NaN");
        assertTrue(infinite, "infinity");
        assertTrue(negativeZero, "-0.0");
        assertTrue(huge && tiny && everyday, "huge " + huge + ", tiny " + tiny + ", everyday " + everyday);
    }

    @Test
    void textReachesEveryCharacterClassWithinItsLength() {
        Rng rng = new Rng(8);
        boolean empty = false;
        boolean full = false;
        boolean control = false;
        boolean lineSeparator = false;
        boolean loneSurrogate = false;
        boolean pair = false;
        for (int i = 0; i < 2000; i++) {
            String s = text(rng, 12);
            int codePoints = s.codePointCount(0, s.length());
            assertTrue(codePoints <= 12, "too long: " + codePoints);
            empty |= s.isEmpty();
            full |= codePoints == 12;
            control |= s.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
            lineSeparator |= s.indexOf('\u2028') >= 0;
            pair |= s.codePoints().anyMatch(Character::isSupplementaryCodePoint);
            loneSurrogate |= s.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
        }
        assertTrue(empty && full, "empty " + empty + ", full length " + full);
        assertTrue(control && lineSeparator, "control " + control + ", line separator " + lineSeparator);
        assertTrue(loneSurrogate && pair, "lone surrogate " + loneSurrogate + ", pair " + pair);
        assertEquals(text(new Rng(9), 50), text(new Rng(9), 50));
    }
}

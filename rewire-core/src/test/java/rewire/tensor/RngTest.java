package rewire.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The generator's promises: reproducible from a seed or a saved state, {@code fold} without side
 * effects, independent children, bounded and roughly uniform or normal draws. The statistical
 * checks use fixed seeds, so they are deterministic; their bounds are several standard errors.
 */
class RngTest {
    private static final int DRAWS = 100_000;

    @Test
    void sameSeedSameSequenceAndOtherSeedsDiffer() {
        Rng a = new Rng(42);
        Rng b = new Rng(42);
        Rng c = new Rng(43);
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            long x = a.nextLong();
            assertEquals(x, b.nextLong(), "draw " + i);
            same += x == c.nextLong() ? 1 : 0;
        }
        assertEquals(0, same);
    }

    @Test
    void foldDoesNotAdvanceAndDependsOnItsKey() {
        Rng rng = new Rng(7);
        long before = rng.state();
        Rng f1 = rng.fold(1);
        Rng f1Again = rng.fold(1);
        Rng f2 = rng.fold(2);
        assertEquals(before, rng.state(), "fold must not advance the generator");
        assertEquals(new Rng(7).nextLong(), rng.nextLong());
        long x = f1.nextLong();
        assertEquals(x, f1Again.nextLong());
        assertNotEquals(x, f2.nextLong());
    }

    @Test
    void splitAdvancesTheParentAndGivesAnUncorrelatedChild() {
        Rng parent = new Rng(11);
        long before = parent.state();
        Rng child = parent.split();
        assertNotEquals(before, parent.state());
        Rng secondChild = parent.split();
        assertNotEquals(child.state(), secondChild.state());
        assertSmallCorrelation(parent, child);
        assertSmallCorrelation(child, secondChild);
        assertSmallCorrelation(new Rng(5).fold(0), new Rng(5).fold(1));
    }

    @Test
    void fromStateContinuesExactly() {
        Rng rng = new Rng(3);
        for (int i = 0; i < 17; i++) {
            rng.nextGaussian();
            rng.nextInt(1000);
        }
        Rng resumed = Rng.fromState(rng.state());
        for (int i = 0; i < 1000; i++) {
            assertEquals(rng.nextLong(), resumed.nextLong());
            assertEquals(rng.nextGaussian(), resumed.nextGaussian());
            assertEquals(rng.nextInt(97), resumed.nextInt(97));
            assertEquals(rng.nextFloat(), resumed.nextFloat());
        }
    }

    @Test
    void boundedDrawsStayInBounds() {
        Rng rng = new Rng(1);
        for (int bound : new int[] {1, 2, 3, 7, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE}) {
            for (int i = 0; i < 2000; i++) {
                int x = rng.nextInt(bound);
                assertTrue(x >= 0 && x < bound, x + " outside [0, " + bound + ")");
            }
        }
        for (long bound : new long[] {1, 3, (1L << 62) + 1, Long.MAX_VALUE}) {
            for (int i = 0; i < 2000; i++) {
                long x = rng.nextLong(bound);
                assertTrue(x >= 0 && x < bound, x + " outside [0, " + bound + ")");
            }
        }
        for (int i = 0; i < 2000; i++) {
            float f = rng.nextFloat();
            double d = rng.nextDouble();
            assertTrue(f >= 0 && f < 1 && d >= 0 && d < 1, f + ", " + d);
        }
    }

    @Test
    void nonPositiveBoundsAreRejected() {
        Rng rng = new Rng(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(-5));
        assertThrows(IllegalArgumentException.class, () -> rng.nextLong(0L));
    }

    @Test
    void nextIntIsRoughlyUniform() {
        // chi-square with 9 degrees of freedom; 27.9 is its 0.999 quantile
        Rng rng = new Rng(2024);
        int[] counts = new int[10];
        for (int i = 0; i < DRAWS; i++) {
            counts[rng.nextInt(10)]++;
        }
        double expected = DRAWS / 10.0;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        assertTrue(chi2 < 27.9, "chi-square " + chi2);
    }

    @Test
    void uniformMomentsMatch() {
        Rng rng = new Rng(99);
        double[] floats = new double[DRAWS];
        double[] doubles = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            floats[i] = rng.nextFloat();
            doubles[i] = rng.nextDouble();
        }
        for (double[] x : new double[][] {floats, doubles}) {
            // standard errors: mean 0.0009, variance 0.0003
            assertEquals(0.5, moment(x, 1), 0.005);
            assertEquals(1.0 / 12, centralMoment(x, 2), 0.002);
        }
    }

    @Test
    void gaussianMomentsMatch() {
        Rng rng = new Rng(5);
        double[] x = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            x[i] = rng.nextGaussian();
        }
        // standard errors: mean 0.0032, variance 0.0045, skewness 0.008, kurtosis 0.016
        assertEquals(0, moment(x, 1), 0.02);
        assertEquals(1, centralMoment(x, 2), 0.025);
        assertEquals(0, centralMoment(x, 3), 0.05);
        assertEquals(3, centralMoment(x, 4), 0.1);
    }

    private static void assertSmallCorrelation(Rng a, Rng b) {
        int n = 20_000;
        double sab = 0;
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double x = a.nextDouble();
            double y = b.nextDouble();
            sa += x;
            sb += y;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        double cov = sab / n - (sa / n) * (sb / n);
        double r = cov / Math.sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
        // standard error of r is 1 / sqrt(n) = 0.007
        assertTrue(Math.abs(r) < 0.035, "correlation " + r);
    }

    private static double moment(double[] x, int k) {
        double s = 0;
        for (double v : x) {
            s += Math.pow(v, k);
        }
        return s / x.length;
    }

    private static double centralMoment(double[] x, int k) {
        double mean = moment(x, 1);
        double s = 0;
        for (double v : x) {
            s += Math.pow(v - mean, k);
        }
        return s / x.length;
    }
}

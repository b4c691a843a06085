package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.optim.Schedule;
import rewire.recipe.Recipes;

import static rewire.tensor.RandomCases.doubleBetween;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;


class SparsitySchedulesTest {

    @Test
    void cosineDropFractionAtZeroHalfAndEnd() {
        Schedule z = Schedule.cosine(0.3, 0, 1000);
        assertEquals(0.3, z.at(0), 1e-12);
        assertEquals(0.15, z.at(500), 1e-12);
        assertEquals(0.0, z.at(1000), 1e-12);
        assertEquals(0.0, z.at(5000), 1e-12, "flat after the end");
    }

    @Test
    void snfsAndFantasticWeightsPruneRateHasTheFloor() {
        Schedule p = Schedule.cosine(0.5, 0.005, 10_000);
        assertEquals(0.5, p.at(0), 1e-12);
        assertEquals(0.005, p.at(10_000), 1e-12);
        assertEquals(0.005, p.at(20_000), 1e-12);
        assertEquals((0.5 + 0.005) / 2, p.at(5000), 1e-12);
    }

    @Test
    void gmpCubicReachesItsEndpointsAndIsMonotoneAndFrontLoaded() {
        Schedule d = SparsitySchedules.gmpCubic(1.0, 0.1, 100, 1100);
        assertEquals(1.0, d.at(0), 1e-12);
        assertEquals(1.0, d.at(100), 1e-12);
        assertEquals(0.1, d.at(1100), 1e-12);
        assertEquals(0.1, d.at(2000), 1e-12);
        for (long t = 100; t < 1100; t += 10) {
            assertTrue(d.at(t + 10) <= d.at(t), "monotone at " + t);
        }
        // front-loaded: more than half of the pruning is done by a third of the window
        double drop = 1.0 - d.at(100 + 1000 / 3);
        assertTrue(drop > 0.5 * 0.9, "dropped " + drop);
        // zhu-gupta in sparsity: s = sf + (si - sf)(1 - p)^3 with si = 0, sf = 0.9
        double p = 0.4;
        assertEquals(1 - (0.9 + (0 - 0.9) * Math.pow(1 - p, 3)), d.at(100 + 400), 1e-12);
    }

    @Test
    void chtssSigmoidDecayInDensityReachesItsEndpointsAndIsSymmetric() {
        // the recipe's schedule: density from 0.5 to 0.1 over 80 prune iterations of 100 steps
        Schedule d = Recipes.standard().create("chtss", new Recipes.Plan(10_000, 100, 0.1)).rewirer().density();
        int n = 80;
        assertEquals(0.5, d.at(0), 1e-12);
        assertEquals(0.1, d.at(100L * n), 1e-12);
        assertEquals(0.1, d.at(10_000), 1e-12);
        for (int i = 0; i <= n; i++) {
            assertEquals(0.5 + 0.1, d.at(100L * i) + d.at(100L * (n - i)), 1e-12, "symmetric at " + i);
        }
        assertEquals(d.at(100), d.at(199), 0.0, "constant within a prune iteration");
    }

    @Test
    void piecewiseLinearFallsHoldsAndRises() {
        Schedule d = SparsitySchedules.piecewiseLinear(new long[] {0, 100, 300, 400}, new double[] {1, 0.1, 0.1, 0.5});
        assertEquals(1, d.at(0), 1e-12);
        assertEquals(0.55, d.at(50), 1e-12);
        assertEquals(0.1, d.at(200), 1e-12);
        assertEquals(0.3, d.at(350), 1e-12);
        assertEquals(0.5, d.at(1000), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> SparsitySchedules.piecewiseLinear(new long[] {0, 0}, new double[] {1, 1}));
    }

    @Test
    void phasedRestartsEachPhase() {
        Schedule z = SparsitySchedules.phased(new long[] {0, 100}, Schedule.cosine(0.3, 0, 100), Schedule.cosine(0.2, 0, 50));
        assertEquals(0.3, z.at(0), 1e-12);
        assertEquals(0.15, z.at(50), 1e-12);
        assertEquals(0.2, z.at(100), 1e-12);
        assertEquals(0.1, z.at(125), 1e-12);
        assertEquals(0.0, z.at(500), 1e-12);
    }

    @Test
    void schedulesStayWithinTheirEndpoints() {
        forEachSeed(203, 1000, rng -> {
            double a = doubleBetween(rng, 0, 1);
            double b = doubleBetween(rng, 0, 1);
            long step = intBetween(rng, 0, 100_000);
            double lo = Math.min(a, b) - 1e-12;
            double hi = Math.max(a, b) + 1e-12;
            Schedule[] all = {Schedule.cosine(a, b, 10_000), SparsitySchedules.gmpCubic(a, b, 100, 20_000),
                SparsitySchedules.piecewiseLinear(new long[] {0, 5000, 9000},
                    new double[] {a, b, a}), SparsitySchedules.phased(new long[] {0, 7000}, Schedule.cosine(a, b, 7000),
                    Schedule.cosine(a, b, 3000))};
            for (Schedule s : all) {
                double v = s.at(step);
                assertTrue(v >= lo && v <= hi, s + " at " + step + " = " + v);
            }
        });
    }

    @Test
    void cadences() {
        Cadence every = Cadence.every(100, 0, 750);
        assertFalse(every.isUpdate(0));
        assertTrue(every.isUpdate(100));
        assertFalse(every.isUpdate(150));
        assertTrue(every.isUpdate(700));
        assertFalse(every.isUpdate(800), "no update at or after T_end");
        Cadence window = Cadence.every(10, 25, 60);
        assertTrue(window.isUpdate(25));
        assertTrue(window.isUpdate(55));
        assertFalse(window.isUpdate(20));
        assertTrue(Cadence.perEpoch(469).isUpdate(938));
        assertTrue(Cadence.once(7).isUpdate(7));
        assertFalse(Cadence.once(7).isUpdate(8));
        assertFalse(Cadence.never().isUpdate(100));
    }

    @Test
    void theLastUpdateOfARunIsTheLastUpdateStepBelowItsLength() {
        Cadence every = Cadence.every(100, 0, 750);
        assertEquals(700, every.lastUpdateBefore(10_000), "T_end bounds it");
        assertEquals(600, every.lastUpdateBefore(700), "a run of 700 steps ends at step 699");
        assertEquals(-1, every.lastUpdateBefore(100), "step 0 never updates");
        Cadence window = Cadence.every(10, 25, 60);
        assertEquals(55, window.lastUpdateBefore(1000));
        assertEquals(25, window.lastUpdateBefore(26));
        assertEquals(-1, window.lastUpdateBefore(25));
        assertEquals(-1, Cadence.never().lastUpdateBefore(1000));
        for (long end = 1; end < 900; end++) {
            long last = -1;
            for (long t = 0; t < end; t++) {
                last = every.isUpdate(t) ? t : last;
            }
            assertEquals(last, every.lastUpdateBefore(end), "end " + end);
        }
        assertEquals("every 10 steps from step 25 before step 60", window.describe());
        assertEquals("every 469 steps", Cadence.perEpoch(469).describe());
        assertThrows(IllegalArgumentException.class, () -> Cadence.every(0));
    }

    @Test
    void dropRuleCounts() {
        // constant density: drop floor(z n), regrow as many
        assertEquals(new DropRule.Counts(0, 3, 3), DropRule.overlap().counts(10, 10, 0.3));
        assertEquals(new DropRule.Counts(0, 4, 4), DropRule.overlapCeil().counts(10, 10, 0.31));
        // MST: falling target prunes max(z n, n - T) and grows the rest; rising target grows more
        assertEquals(new DropRule.Counts(0, 40, 0), DropRule.overlap().counts(100, 60, 0.3));
        assertEquals(new DropRule.Counts(0, 30, 20), DropRule.overlap().counts(100, 90, 0.3));
        assertEquals(new DropRule.Counts(0, 30, 50), DropRule.overlap().counts(100, 120, 0.3));
        // GMP: no drop fraction, prune to the target, grow nothing
        assertEquals(new DropRule.Counts(0, 25, 0), DropRule.overlap().counts(100, 75, 0));
        // CHTss: shrink to T first, then drop z T and regrow it
        assertEquals(new DropRule.Counts(25, 7, 7), DropRule.shrinkThenDrop().counts(100, 75, 0.1));
    }
}

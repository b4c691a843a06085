package rewire.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rewire.tensor.RandomCases.doubleBetween;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.gaussians;
import static rewire.tensor.RandomCases.intBetween;
import static rewire.tensor.RandomCases.pattern;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * Optimizer state under topology changes, what the DST engine relies on: each property runs on
 * {@value #CASES} random matrix shapes (see {@link rewire.tensor.RandomCases}).
 */
class SlotsRemapPropertyTest {
    private static final int CASES = 1000;
    private static final List<String> NAMES = List.of("momentum", "adam.m", "adam.v");

    /** A matrix shape up to 13 x 13 and a density from empty to full, at which its patterns are drawn. */
    private record MatrixCase(int rows, int cols, double density) {
        static MatrixCase random(Rng rng) {
            return new MatrixCase(intBetween(rng, 1, 13), intBetween(rng, 1, 13), doubleBetween(rng, 0, 1));
        }

        SparsityPattern randomPattern(Rng rng) {
            return pattern(rng, rows, cols, density);
        }
    }

    @Test
    void keptEntriesOfEverySlotAreBitIdenticalAndGrownOnesZero() {
        forEachSeed(20, CASES,
                rng -> keptEntriesOfEverySlotAreBitIdenticalAndGrownOnesZero(MatrixCase.random(rng), rng));
    }

    private static void keptEntriesOfEverySlotAreBitIdenticalAndGrownOnesZero(MatrixCase matrix, Rng rng) {
        SparsityPattern from = matrix.randomPattern(rng);
        SparsityPattern to = matrix.randomPattern(rng);
        SparseParam p = new SparseParam("w", new CsrMatrix(from, gaussians(rng, from.nnz())));
        Slots slots = new Slots();
        for (String name : NAMES) {
            slots.put(p, name, awkwardFloats(from.nnz(), rng));
        }
        Map<String, float[]> before = Map.copyOf(slots.of(p));

        Remap remap = Remap.between(from, to);
        p.remap(remap, null);
        slots.remap(p, remap);

        int[] source = remap.source();
        for (String name : NAMES) {
            float[] old = before.get(name);
            float[] now = slots.get(p, name);
            assertEquals(to.nnz(), now.length, name);
            for (int e = 0; e < now.length; e++) {
                int expected = source[e] == Remap.GROWN ? 0 : Float.floatToRawIntBits(old[source[e]]);
                assertEquals(expected, Float.floatToRawIntBits(now[e]), name + " entry " + e);
            }
        }
    }

    @Test
    void aStepAfterARemapUpdatesExactlyTheNewConnections() {
        forEachSeed(21, CASES, rng -> aStepAfterARemapUpdatesExactlyTheNewConnections(MatrixCase.random(rng), rng));
    }

    private static void aStepAfterARemapUpdatesExactlyTheNewConnections(MatrixCase matrix, Rng rng) {
        SparsityPattern from = matrix.randomPattern(rng);
        SparsityPattern to = matrix.randomPattern(rng);
        SparseParam p = new SparseParam("w", new CsrMatrix(from, gaussians(rng, from.nnz())));
        Slots slots = new Slots();
        Transform optimizer = Optim.chain(Optim.trace(0.9, false), Optim.scaleByLearningRate(0.5));
        fillGrad(p, rng);
        Optim.step(optimizer, List.of(p), slots, 0);

        Remap remap = Remap.between(from, to);
        p.remap(remap, null);
        slots.remap(p, remap);
        float[] bufBefore = slots.get(p, Trace.SLOT).clone();
        float[] valuesBefore = p.values().clone();
        fillGrad(p, rng);
        float[] grad = p.grad().clone();
        Optim.step(optimizer, List.of(p), slots, 1);

        assertEquals(to.nnz(), p.values().length);
        assertEquals(List.of(Trace.SLOT), List.copyOf(slots.names(p)));
        float[] buf = slots.get(p, Trace.SLOT);
        assertEquals(to.nnz(), buf.length);
        for (int e = 0; e < to.nnz(); e++) {
            float expectedBuf = 0.9f * bufBefore[e] + grad[e];   // bufBefore is 0 for grown entries
            assertEquals(expectedBuf, buf[e], "momentum of entry " + e);
            assertEquals(valuesBefore[e] + -0.5f * expectedBuf, p.values()[e], "value of entry " + e);
        }
    }

    @Test
    void sameInputsGiveTheSameBits() {
        forEachSeed(22, CASES, rng -> {
            MatrixCase matrix = MatrixCase.random(rng);
            long seed = rng.nextLong();
            float[][] first = trainWithRemaps(matrix, seed);
            float[][] second = trainWithRemaps(matrix, seed);
            for (int i = 0; i < first.length; i++) {
                assertArrayEquals(bits(first[i]), bits(second[i]));
            }
        });
    }

    /** Three steps of a full chain with a remap before each; returns the values and all slots. */
    private static float[][] trainWithRemaps(MatrixCase matrix, long seed) {
        Rng rng = new Rng(seed);
        SparsityPattern pattern = matrix.randomPattern(rng);
        SparseParam p = new SparseParam("w", new CsrMatrix(pattern, gaussians(rng, pattern.nnz())));
        List<Param> params = List.of(p, OptimReferenceTest.dense("b", gaussians(rng, 3)));
        Transform optimizer = Optim.chain(Optim.clipByGlobalNorm(1.0), Optim.scaleByAdam(0.9, 0.99, 1e-8),
                Optim.addWeightDecay(0.01), Optim.scaleByLearningRate(Schedule.cosine(0.1, 0.01, 3)));
        Slots slots = new Slots();
        for (int step = 0; step < 3; step++) {
            SparsityPattern next = matrix.randomPattern(rng);
            Remap remap = Remap.between(p.pattern(), next);
            p.remap(remap, null);
            slots.remap(p, remap);
            params.forEach(q -> fillGrad(q, rng));
            Optim.step(optimizer, params, slots, step);
        }
        return new float[][] {p.values(), params.get(1).values(), slots.get(p, ScaleByAdam.FIRST),
            slots.get(p, ScaleByAdam.SECOND), slots.get(params.get(1), ScaleByAdam.SECOND)};
    }

    /** Gaussians mixed with negative zeros, subnormals and infinities, whose bits must survive too. */
    private static float[] awkwardFloats(int n, Rng rng) {
        float[] special = {-0f, Float.MIN_VALUE, -Float.MIN_NORMAL / 3, Float.NEGATIVE_INFINITY};
        float[] a = gaussians(rng, n);
        for (int i = 0; i < n; i++) {
            if (rng.nextInt(4) == 0) {
                a[i] = special[rng.nextInt(special.length)];
            }
        }
        return a;
    }

    private static void fillGrad(Param p, Rng rng) {
        float[] g = p.grad();
        System.arraycopy(gaussians(rng, g.length), 0, g, 0, g.length);
    }

    private static int[] bits(float[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Float.floatToRawIntBits(a[i]);
        }
        return out;
    }
}

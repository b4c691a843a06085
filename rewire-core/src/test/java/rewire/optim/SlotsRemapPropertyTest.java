package rewire.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** Optimizer state under topology changes: what the DST engine relies on. */
class SlotsRemapPropertyTest {
    private static final List<String> NAMES = List.of("momentum", "adam.m", "adam.v");

    @Property
    void keptEntriesOfEverySlotAreBitIdenticalAndGrownOnesZero(@ForAll("shapes") int[] shape, @ForAll long seed) {
        Rng rng = new Rng(seed);
        SparsityPattern from = randomPattern(shape, rng);
        SparsityPattern to = randomPattern(shape, rng);
        SparseParam p = new SparseParam("w", new CsrMatrix(from, randomFloats(from.nnz(), rng)));
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

    @Property
    void aStepAfterARemapUpdatesExactlyTheNewConnections(@ForAll("shapes") int[] shape, @ForAll long seed) {
        Rng rng = new Rng(seed);
        SparsityPattern from = randomPattern(shape, rng);
        SparsityPattern to = randomPattern(shape, rng);
        SparseParam p = new SparseParam("w", new CsrMatrix(from, randomFloats(from.nnz(), rng)));
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

    @Property
    void sameInputsGiveTheSameBits(@ForAll("shapes") int[] shape, @ForAll long seed) {
        float[][] first = trainWithRemaps(shape, seed);
        float[][] second = trainWithRemaps(shape, seed);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(bits(first[i]), bits(second[i]));
        }
    }

    /** Three steps of a full chain with a remap before each; returns the values and all slots. */
    private static float[][] trainWithRemaps(int[] shape, long seed) {
        Rng rng = new Rng(seed);
        SparsityPattern pattern = randomPattern(shape, rng);
        SparseParam p = new SparseParam("w", new CsrMatrix(pattern, randomFloats(pattern.nnz(), rng)));
        List<Param> params = List.of(p, OptimReferenceTest.dense("b", randomFloats(3, rng)));
        Transform optimizer = Optim.chain(Optim.clipByGlobalNorm(1.0), Optim.scaleByAdam(0.9, 0.99, 1e-8),
                Optim.addWeightDecay(0.01), Optim.scaleByLearningRate(Schedule.cosine(0.1, 0.01, 3)));
        Slots slots = new Slots();
        for (int step = 0; step < 3; step++) {
            SparsityPattern next = randomPattern(shape, rng);
            Remap remap = Remap.between(p.pattern(), next);
            p.remap(remap, null);
            slots.remap(p, remap);
            params.forEach(q -> fillGrad(q, rng));
            Optim.step(optimizer, params, slots, step);
        }
        return new float[][] {p.values(), params.get(1).values(), slots.get(p, ScaleByAdam.FIRST),
            slots.get(p, ScaleByAdam.SECOND), slots.get(params.get(1), ScaleByAdam.SECOND)};
    }

    /** (rows, cols, density percent), densities from empty to full. */
    @Provide
    Arbitrary<int[]> shapes() {
        Arbitrary<Integer> side = Arbitraries.integers().between(1, 13);
        Arbitrary<Integer> percent = Arbitraries.integers().between(0, 100);
        return Combinators.combine(side, side, percent).as((r, c, d) -> new int[] {r, c, d});
    }

    /** A random pattern of the given rows, cols and density percent. */
    private static SparsityPattern randomPattern(int[] shape, Rng rng) {
        int size = shape[0] * shape[1];
        return Patterns.random(shape[0], shape[1], size * shape[2] / 100, rng);
    }

    private static float[] randomFloats(int n, Rng rng) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    /** Gaussians mixed with negative zeros, subnormals and infinities, whose bits must survive too. */
    private static float[] awkwardFloats(int n, Rng rng) {
        float[] special = {-0f, Float.MIN_VALUE, -Float.MIN_NORMAL / 3, Float.NEGATIVE_INFINITY};
        float[] a = randomFloats(n, rng);
        for (int i = 0; i < n; i++) {
            if (rng.nextInt(4) == 0) {
                a[i] = special[rng.nextInt(special.length)];
            }
        }
        return a;
    }

    private static void fillGrad(Param p, Rng rng) {
        float[] g = p.grad();
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) rng.nextGaussian();
        }
    }

    private static int[] bits(float[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Float.floatToRawIntBits(a[i]);
        }
        return out;
    }
}

package rewire.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.testkit.FloatChecks;
import rewire.testkit.RandomData;
import rewire.testkit.RandomData.PatternKind;

/**
 * The alignment probe, and the promise that makes it safe: the sparse kernels give the same bits
 * whatever lead (floats to the next vector boundary) they are told, so a wrong or stale answer
 * costs speed only.
 */
class AlignmentTest {
    private static final int N = 8 * Lanes.L;

    @Test
    void leadPointsAtAVectorBoundary() {
        for (int length = 1; length < 40; length++) {
            float[] a = new float[length];
            long address = Alignment.address(a);
            int lead = Alignment.lead(a);
            assertTrue(lead >= 0 && lead < Lanes.L, "lead " + lead);
            if (address >= 0) {
                assertEquals(0, (address + (long) Float.BYTES * lead) % Lanes.FLOATS.vectorByteSize(),
                        "address " + address + " + lead " + lead);
            }
        }
    }

    /**
     * The in-place passes touch exactly {@code [from, to)} whatever lead they are told: ranges
     * shorter than a vector, ranges at both ends of the array, signed zeros and NaN.
     */
    @Test
    void passesOnTheGridChangeExactlyTheirRangeForEveryLead() {
        Rng rng = new Rng(41);
        int length = 5 * Lanes.L + 3;
        for (int trial = 0; trial < 200; trial++) {
            int from = rng.nextInt(length + 1);
            int to = from + rng.nextInt(length - from + 1);
            float[] y0 = specials(rng, length);
            float[] gate = specials(rng, length);
            for (int lead = 0; lead < Lanes.L; lead++) {
                float[] relu = y0.clone();
                OnGrid.relu(relu, from, to, lead);
                float[] gated = y0.clone();
                OnGrid.gate(gated, gate, from, to, lead);
                for (int i = 0; i < length; i++) {
                    boolean inside = i >= from && i < to;
                    float wantRelu = inside ? Math.max(y0[i], 0f) : y0[i];
                    float wantGated = inside && !(gate[i] > 0) ? 0f : y0[i];
                    String where = "element " + i + " of [" + from + ", " + to + "), lead " + lead;
                    assertEquals(Float.floatToRawIntBits(wantRelu), Float.floatToRawIntBits(relu[i]), "relu " + where);
                    assertEquals(Float.floatToRawIntBits(wantGated), Float.floatToRawIntBits(gated[i]), "gate " + where);
                }
            }
        }
    }

    // random values with zeros of both signs and NaN among them
    private static float[] specials(Rng rng, int length) {
        float[] v = RandomData.floats(rng, length);
        float[] special = {0f, -0f, Float.NaN};
        for (int i = 0; i < length; i++) {
            if (rng.nextInt(5) == 0) {
                v[i] = special[rng.nextInt(special.length)];
            }
        }
        return v;
    }

    static Stream<PatternKind> kinds() {
        return Arrays.stream(PatternKind.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void spmmGivesTheSameBitsForEveryLead(PatternKind kind) {
        Rng rng = new Rng(kind.ordinal());
        SparsityPattern p = RandomData.pattern(rng, 31, 13, kind);
        SparsityPattern.Transposed t = p.transposed();
        float[] values = RandomData.floats(rng, p.nnz());
        for (boolean accumulate : new boolean[] {false, true}) {
            // y (31, N) (+)= W · x and dx (13, N) (+)= Wᵀ · dy
            assertSameForEveryLead("W · x", p, values, null, RandomData.floats(rng, 13 * N),
                    RandomData.floats(rng, 31 * N), null, accumulate);
            assertSameForEveryLead("Wᵀ · dy", t.pattern(), values, t.sourceEntry(), RandomData.floats(rng, 31 * N),
                    RandomData.floats(rng, 13 * N), null, accumulate);
        }
        // y (31, N) = W · x + b
        assertSameForEveryLead("W · x + b", p, values, null, RandomData.floats(rng, 13 * N),
                RandomData.floats(rng, 31 * N), RandomData.floats(rng, 31), false);
        assertSameForEveryLead("max(W · x + b, 0)", p, values, null, RandomData.floats(rng, 13 * N),
                RandomData.floats(rng, 31 * N), RandomData.floats(rng, 31), false, true);
    }

    private static void assertSameForEveryLead(String what, SparsityPattern p, float[] values, int[] valueIndex,
                                               float[] x, float[] y0, float[] rowStart, boolean accumulate) {
        assertSameForEveryLead(what, p, values, valueIndex, x, y0, rowStart, accumulate, false);
    }

    private static void assertSameForEveryLead(String what, SparsityPattern p, float[] values, int[] valueIndex,
                                               float[] x, float[] y0, float[] rowStart, boolean accumulate,
                                               boolean relu) {
        float[] plain = y0.clone();
        Spmm.run(p.rowPtr(), p.colIdx(), values, valueIndex, x, plain, rowStart, N, 0, p.rows(), accumulate, relu, 0);
        for (int lead = 1; lead < Lanes.L; lead++) {
            float[] shifted = y0.clone();
            Spmm.run(p.rowPtr(), p.colIdx(), values, valueIndex, x, shifted, rowStart, N, 0, p.rows(), accumulate,
                    relu, lead);
            FloatChecks.assertBitwiseEqual(what + " with lead " + lead, plain, shifted);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sddmmGivesTheSameBitsForEveryLead(PatternKind kind) {
        Rng rng = new Rng(100 + kind.ordinal());
        SparsityPattern p = RandomData.pattern(rng, 31, 13, kind);
        // out (nnz,) (+)= (a (31, N) · b (13, N)ᵀ)|p
        float[] a = RandomData.floats(rng, 31 * N);
        float[] b = RandomData.floats(rng, 13 * N);
        float[] out0 = RandomData.floats(rng, p.nnz());
        for (boolean accumulate : new boolean[] {false, true}) {
            float[] plain = out0.clone();
            Sddmm.run(p.rowPtr(), p.colIdx(), a, null, b, N, plain, 0, p.rows(), accumulate, 0);
            for (int lead = 1; lead < Lanes.L; lead++) {
                float[] shifted = out0.clone();
                Sddmm.run(p.rowPtr(), p.colIdx(), a, null, b, N, shifted, 0, p.rows(), accumulate, lead);
                FloatChecks.assertBitwiseEqual("(a · bᵀ)|p with lead " + lead, plain, shifted);
            }
        }
    }
}

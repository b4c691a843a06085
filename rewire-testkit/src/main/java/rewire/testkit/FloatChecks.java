package rewire.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import rewire.tensor.Tensor;

/**
 * Assertions on float arrays: closeness with a tolerance scaled by the size of the summed terms,
 * and bitwise equality.
 *
 * <p>Why the tolerance scales with the sum of absolute terms: two correct kernels may add the
 * terms of one output element in different orders, and the rounding error of a float sum is
 * bounded by a multiple of {@code sum |term|}, not of {@code |sum|} (which may cancel to zero).
 */
public final class FloatChecks {
    /** Relative part of the tolerance, applied to the sum of absolute terms. */
    public static final double RELATIVE = 1e-5;
    /** Absolute part of the tolerance. */
    public static final double ABSOLUTE = 1e-6;

    private FloatChecks() {
    }

    /**
     * Asserts {@code |got[i] - want[i]| <= RELATIVE * absTermSums[i] + ABSOLUTE} for every i. The
     * message names {@code what}, the first failing index, both values, the allowance and how many
     * elements fail.
     */
    public static void assertClose(String what, float[] want, float[] got, float[] absTermSums) {
        requireSameLength(what, want, got);
        if (absTermSums.length != want.length) {
            fail(what + ": " + absTermSums.length + " term sums for " + want.length + " elements");
        }
        int failures = 0;
        int first = -1;
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs((double) got[i] - want[i]) <= allowance(absTermSums[i]))) {
                failures++;
                first = first < 0 ? i : first;
            }
        }
        if (failures > 0) {
            fail(what + ": " + failures + " of " + want.length + " elements differ; first at index " + first
                    + ": want " + want[first] + ", got " + got[first] + ", allowed difference "
                    + allowance(absTermSums[first]) + " (sum of |terms| " + absTermSums[first] + ")");
        }
    }

    /** Asserts the two arrays hold the same bits (NaN payloads and signed zeros included). */
    public static void assertBitwiseEqual(String what, float[] want, float[] got) {
        requireSameLength(what, want, got);
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                fail(what + ": not bitwise identical, first difference at index " + i + ": " + want[i]
                        + " (0x" + Integer.toHexString(Float.floatToRawIntBits(want[i])) + ") vs " + got[i]
                        + " (0x" + Integer.toHexString(Float.floatToRawIntBits(got[i])) + ")");
            }
        }
    }

    /** Asserts {@code got[from, to)} holds the same bits as {@code want[from, to)}. */
    public static void assertBitwiseEqual(String what, float[] want, float[] got, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                fail(what + ": index " + i + " in [" + from + ", " + to + ") is " + got[i] + ", expected " + want[i]);
            }
        }
    }

    /** The tolerance {@link #assertClose} allows for an element with the given sum of |terms|. */
    public static double allowance(double absTermSum) {
        return RELATIVE * absTermSum + ABSOLUTE;
    }

    /** A new array of the absolute values. */
    public static float[] abs(float[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.abs(a[i]);
        }
        return out;
    }

    /** A new tensor of the absolute values, same shape. */
    public static Tensor abs(Tensor t) {
        return Tensor.wrap(abs(t.data()), t.shape().dims());
    }

    private static void requireSameLength(String what, float[] want, float[] got) {
        if (want.length != got.length) {
            fail(what + ": expected " + want.length + " elements, got " + got.length);
        }
    }
}

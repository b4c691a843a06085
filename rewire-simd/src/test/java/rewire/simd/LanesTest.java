package rewire.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;
import rewire.kernel.KernelSelection;

/** The width setting, the fixed-order lane sum, and discovery through ServiceLoader. */
class LanesTest {

    @Test
    void widthFollowsTheSystemPropertyOfThisFork() {
        String bits = System.getProperty(Lanes.BITS_PROPERTY);
        int expected = bits == null ? FloatVector.SPECIES_PREFERRED.length() : Integer.parseInt(bits) / Float.SIZE;
        assertEquals(expected, new VectorKernels().vectorWidth());
    }

    @Test
    void namedWidthsAreAcceptedAndOthersRejected() {
        assertEquals(4, Lanes.species("128").length());
        assertEquals(2, Lanes.species(" 64 ").length());
        assertEquals(FloatVector.SPECIES_PREFERRED, Lanes.species(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lanes.species("100"));
        assertTrue(e.getMessage().contains("rewire.vector.bits=100"), e.getMessage());
    }

    @Test
    void laneSumIsAPairwiseTree() {
        float[] lanes = new float[Lanes.L];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = i + 1;
        }
        assertEquals(Lanes.L * (Lanes.L + 1) / 2f, Lanes.sum(FloatVector.fromArray(Lanes.FLOATS, lanes, 0)));
        // In lane order 1 + 2^-24 + 2^-24 rounds back to 1 twice; the tree first adds the two
        // small lanes (L/2 apart), which survive: 1 + 2^-23.
        if (Lanes.L >= 4) {
            float[] v = new float[Lanes.L];
            v[0] = 1f;
            v[1] = Math.ulp(1f) / 2;
            v[1 + Lanes.L / 2] = Math.ulp(1f) / 2;
            assertEquals(1f + Math.ulp(1f), Lanes.sum(FloatVector.fromArray(Lanes.FLOATS, v, 0)));
        }
    }

    /**
     * The fold pairs lanes that are L/2, L/4, ... apart, a pairing that a rotation maps onto
     * itself; each pair's sum is then the same two floats added in either order. So the sum of a
     * rotated vector has the same bits, which lets the sddmm kernel fold its grid-aligned sums
     * without rotating them back to row order first.
     */
    @Test
    void laneSumIgnoresRotation() {
        Rng rng = new Rng(23);
        for (int trial = 0; trial < 200; trial++) {
            float[] lanes = new float[Lanes.L];
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = (float) (rng.nextGaussian() * Math.pow(2, rng.nextInt(40) - 20));
            }
            FloatVector v = FloatVector.fromArray(Lanes.FLOATS, lanes, 0);
            int want = Float.floatToRawIntBits(Lanes.sum(v));
            for (int r = 1; r < Lanes.L; r++) {
                assertEquals(want, Float.floatToRawIntBits(Lanes.sum(v.rearrange(Lanes.rotation(r)))),
                        "rotation by " + r + " of " + java.util.Arrays.toString(lanes));
            }
        }
    }

    @Test
    void serviceLoaderFindsTheVectorProvider() {
        assertEquals("vector", KernelSelection.select().provider().name());
    }
}

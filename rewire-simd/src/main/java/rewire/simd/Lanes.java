package rewire.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float species every kernel of this package computes with, and the one horizontal sum they
 * share.
 *
 * <p>The species is fixed once per JVM from {@code -Drewire.vector.bits} (64, 128, 256 or 512),
 * or {@link FloatVector#SPECIES_PREFERRED} when the property is absent, so tests can fork a JVM
 * with a narrow width and exercise the same code on other lane counts. It is a static final so
 * the JIT treats the lane count as a constant.
 */
final class Lanes {
    /** System property that forces the vector width in bits. */
    static final String BITS_PROPERTY = "rewire.vector.bits";

    static final VectorSpecies<Float> FLOATS = species(System.getProperty(BITS_PROPERTY));
    /** Floats per vector. */
    static final int L = FLOATS.length();

    // Rotations by half, quarter, ... of the lanes: folding with them sums lanes pairwise.
    private static final VectorShuffle<Float> FOLD_8 = rotation(8);
    private static final VectorShuffle<Float> FOLD_4 = rotation(4);
    private static final VectorShuffle<Float> FOLD_2 = rotation(2);
    private static final VectorShuffle<Float> FOLD_1 = rotation(1);

    private Lanes() {
    }

    /** The species for a {@code -Drewire.vector.bits} setting (null or blank: preferred). */
    static VectorSpecies<Float> species(String bits) {
        if (bits == null || bits.isBlank()) {
            return FloatVector.SPECIES_PREFERRED;
        }
        VectorSpecies<Float> chosen = switch (bits.trim()) {
            case "64" -> FloatVector.SPECIES_64;
            case "128" -> FloatVector.SPECIES_128;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException(
                    "-D" + BITS_PROPERTY + "=" + bits + " is not one of 64, 128, 256, 512");
        };
        // Wider than the hardware would run in emulation, hundreds of times slower.
        if (chosen.vectorBitSize() > FloatVector.SPECIES_PREFERRED.vectorBitSize()) {
            throw new IllegalArgumentException("-D" + BITS_PROPERTY + "=" + bits + " exceeds this CPU's "
                    + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit vectors");
        }
        return chosen;
    }

    private static VectorShuffle<Float> rotation(int by) {
        return VectorShuffle.fromOp(FLOATS, i -> (i + by) % L);
    }

    /**
     * The sum of the lanes of {@code v} as a fixed pairwise tree (lane i plus lane i + L/2, and so
     * on). Unlike {@code reduceLanes(ADD)}, whose order the API leaves open, the order here is
     * the same in the interpreter and in compiled code, which keeps results reproducible.
     */
    static float sum(FloatVector v) {
        FloatVector s = v;
        if (L >= 16) {
            s = s.add(s.rearrange(FOLD_8));
        }
        if (L >= 8) {
            s = s.add(s.rearrange(FOLD_4));
        }
        if (L >= 4) {
            s = s.add(s.rearrange(FOLD_2));
        }
        if (L >= 2) {
            s = s.add(s.rearrange(FOLD_1));
        }
        return s.lane(0);
    }
}

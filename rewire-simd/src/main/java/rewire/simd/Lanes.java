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

    // ROTATIONS[k] moves lane i + k to lane i (indices mod L).
    private static final VectorShuffle<Float>[] ROTATIONS = rotations();
    // Rotations by half, quarter, ... of the lanes: folding with them sums lanes pairwise.
    private static final VectorShuffle<Float> FOLD_8 = ROTATIONS[8 % L];
    private static final VectorShuffle<Float> FOLD_4 = ROTATIONS[4 % L];
    private static final VectorShuffle<Float> FOLD_2 = ROTATIONS[2 % L];
    private static final VectorShuffle<Float> FOLD_1 = ROTATIONS[1 % L];

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

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] rotations() {
        VectorShuffle<Float>[] all = new VectorShuffle[L];
        for (int k = 0; k < L; k++) {
            int by = k;
            all[k] = VectorShuffle.fromOp(FLOATS, i -> (i + by) % L);
        }
        return all;
    }

    /** The shuffle that moves lane {@code (i + by) mod L} to lane {@code i}, for {@code by} in {@code [0, L)}. */
    static VectorShuffle<Float> rotation(int by) {
        return ROTATIONS[by];
    }

    /**
     * The sum of the lanes of {@code v} as a fixed pairwise tree (lane i plus lane i + L/2, and so
     * on). Unlike {@code reduceLanes(ADD)}, whose order the API leaves open, the order here is
     * the same in the interpreter and in compiled code, which keeps results reproducible.
     *
     * <p>This method and the folds are each under 35 bytes of bytecode on purpose: C2 inlines
     * methods that small at every call site, hot or not. A vector passed to a method that is not
     * inlined is boxed on the heap, which turned a kernel's reductions into one allocation each.
     */
    static float sum(FloatVector v) {
        return fold1(fold2(fold4(fold8(v)))).lane(0);
    }

    private static FloatVector fold8(FloatVector v) {
        return L > 8 ? v.add(v.rearrange(FOLD_8)) : v;
    }

    private static FloatVector fold4(FloatVector v) {
        return L > 4 ? v.add(v.rearrange(FOLD_4)) : v;
    }

    private static FloatVector fold2(FloatVector v) {
        return L > 2 ? v.add(v.rearrange(FOLD_2)) : v;
    }

    private static FloatVector fold1(FloatVector v) {
        return L > 1 ? v.add(v.rearrange(FOLD_1)) : v;
    }
}

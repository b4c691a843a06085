package rewire.tensor;

import java.util.function.Consumer;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;

/**
 * Property-style checks without a property-testing library: a check runs on many cases drawn
 * from fixed seeds, so every run tests the same cases and a failure names the seed that
 * reproduces it. The draw helpers below build the cases from the check's {@link Rng}.
 *
 * <pre>{@code
 * forEachSeed(42, 1000, rng -> {
 *     int rows = intBetween(rng, 1, 13);
 *     SparsityPattern p = pattern(rng, rows, intBetween(rng, 1, 13), doubleBetween(rng, 0, 1));
 *     // ... assertions on p
 * });
 * }</pre>
 *
 * <p>Use from another module's tests: rewire-core publishes its test classes as a test-jar, so a
 * module adds
 * <pre>{@code
 * <dependency>
 *   <groupId>dev.rewire</groupId>
 *   <artifactId>rewire-core</artifactId>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 * next to its ordinary rewire-core dependency (the parent pom manages the test-jar's version
 * and scope).
 */
public final class RandomCases {
    /** Out of 16 draws of {@link #intBetween} or {@link #doubleBetween}, how many are forced to an end. */
    private static final int ENDS_IN_16 = 2;
    /** Doubles that formatting and parsing code treats apart: zeros, subnormals, extremes, NaN, infinities. */
    private static final double[] SPECIAL_DOUBLES = {0.0, -0.0, 1, -1, Double.MIN_VALUE, -Double.MIN_VALUE,
            Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
    /** Spaces and line breaks, the ASCII ones and no-break space, NEL, line and paragraph separators, BOM. */
    private static final char[] ODD_WHITESPACE = {' ', '\t', '\n', '\r', '\u00a0', '\u0085', '\u2028', '\u2029',
            '\ufeff'};

    private RandomCases() {
    }

    /**
     * Runs {@code check} with a fresh generator for each of the seeds {@code 0 .. count - 1}
     * (mixed with {@code salt}, so different checks see different cases); an assertion failure is
     * rethrown with the seed in its message.
     */
    public static void forEachSeed(long salt, int count, Consumer<Rng> check) {
        for (int seed = 0; seed < count; seed++) {
            try {
                check.accept(new Rng(salt).fold(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case with seed " + seed + " (salt " + salt + ") failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * An int in {@code [min, max]}, both ends included. Each end comes up with probability 1/16
     * on top of its uniform share, because bugs gather at the ends of a range (size one, the
     * largest size).
     */
    public static int intBetween(Rng rng, int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        int pick = rng.nextInt(16);
        if (pick < ENDS_IN_16) {
            return pick == 0 ? min : max;
        }
        return (int) (min + rng.nextLong((long) max - min + 1));
    }

    /**
     * A double in {@code [min, max]}, both ends included: uniform, except that each end comes up
     * with probability 1/16 (a uniform draw would practically never hit density 0 or 1 exactly).
     */
    public static double doubleBetween(Rng rng, double min, double max) {
        if (!(min <= max) || !Double.isFinite(max - min)) {
            throw new IllegalArgumentException("need finite min <= max, got [" + min + ", " + max + "]");
        }
        int pick = rng.nextInt(16);
        if (pick < ENDS_IN_16) {
            return pick == 0 ? min : max;
        }
        // min + span * u with u < 1 may round up to max, never beyond it
        return Math.min(max, min + (max - min) * rng.nextDouble());
    }

    /** A pattern of {@code rows x cols} with {@code round(density * rows * cols)} entries at uniform places. */
    public static SparsityPattern pattern(Rng rng, int rows, int cols, double density) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in [0, 1], got " + density);
        }
        long nnz = Math.round(density * ((double) rows * cols));
        return Patterns.random(rows, cols, Math.toIntExact(nnz), rng);
    }

    /** {@code n} independent standard normal floats. */
    public static float[] gaussians(Rng rng, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) rng.nextGaussian();
        }
        return out;
    }

    /**
     * Any double: a special value (zeros, subnormal, extremes, NaN, infinities) a quarter of the
     * time, random bits (so any exponent) a quarter, and otherwise a value in {@code (-10^6, 10^6)}
     * at a random power-of-ten scale, the magnitudes a configuration usually holds.
     */
    public static double anyDouble(Rng rng) {
        return switch (rng.nextInt(4)) {
            case 0 -> SPECIAL_DOUBLES[rng.nextInt(SPECIAL_DOUBLES.length)];
            case 1 -> Double.longBitsToDouble(rng.nextLong());
            default -> (2 * rng.nextDouble() - 1) * Math.pow(10, intBetween(rng, -6, 6));
        };
    }

    /**
     * A string of {@code 0 .. maxCodePoints} code points (via {@link #intBetween}, so empty and
     * full length come up often) drawn from where writers and parsers of text go wrong: printable
     * ASCII (the syntax characters of most formats) 4 in 10, ASCII control characters 1 in 10,
     * spaces and line breaks including non-ASCII ones 1 in 10, any UTF-16 unit (lone surrogates
     * included) 2 in 10, and supplementary code points (surrogate pairs) 2 in 10.
     */
    public static String text(Rng rng, int maxCodePoints) {
        int length = intBetween(rng, 0, maxCodePoints);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = rng.nextInt(10);
            if (pick < 4) {
                out.append((char) (0x20 + rng.nextInt(0x7f - 0x20)));
            } else if (pick == 4) {
                int control = rng.nextInt(0x21);
                out.append((char) (control == 0x20 ? 0x7f : control));
            } else if (pick == 5) {
                out.append(ODD_WHITESPACE[rng.nextInt(ODD_WHITESPACE.length)]);
            } else if (pick < 8) {
                out.append((char) rng.nextInt(0x10000));
            } else {
                out.appendCodePoint(0x10000 + rng.nextInt(Character.MAX_CODE_POINT - 0x10000 + 1));
            }
        }
        return out.toString();
    }
}

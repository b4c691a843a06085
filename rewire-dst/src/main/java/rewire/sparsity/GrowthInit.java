package rewire.sparsity;

import java.util.Arrays;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * The first value of a newly grown weight. Zero by default (RigL's {@code grow_init='zeros'},
 * SET's Keras reference, MST, CHT). Entries pruned and regrown at the same update are not new:
 * they keep their value, as in RigL ({@code reinit_when_same=False}).
 */
@FunctionalInterface
public interface GrowthInit {

    /**
     * Values for the grown entries, one per entry index in {@code grownEntries} (increasing), or
     * null for zeros.
     *
     * @param pattern      the new pattern
     * @param grownEntries the entry indices of {@code pattern} that are new
     */
    float[] values(SparsityPattern pattern, int[] grownEntries, Rng rng);

    static GrowthInit zero() {
        return (pattern, grown, rng) -> null;
    }

    static GrowthInit constant(float value) {
        return (pattern, grown, rng) -> {
            float[] out = new float[grown.length];
            Arrays.fill(out, value);
            return out;
        };
    }

    /** Gaussian with standard deviation {@code std}; SET's NumPy reference uses {@code N(0, 1) / 10}, std 0.1. */
    static GrowthInit normal(double std) {
        return (pattern, grown, rng) -> {
            float[] out = new float[grown.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (std * rng.nextGaussian());
            }
            return out;
        };
    }

    /** Uniform in {@code [-bound, bound)}. */
    static GrowthInit uniform(double bound) {
        return (pattern, grown, rng) -> {
            float[] out = new float[grown.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (bound * (2 * rng.nextDouble() - 1));
            }
            return out;
        };
    }

    /** He (Kaiming) normal by each row's actual fan-in in the new pattern: std {@code sqrt(2 / nnz(row))}. */
    static GrowthInit heByFanIn() {
        return (pattern, grown, rng) -> {
            float[] out = new float[grown.length];
            int row = 0;
            for (int i = 0; i < out.length; i++) {
                while (pattern.rowEnd(row) <= grown[i]) {
                    row++;
                }
                int fanIn = pattern.rowEnd(row) - pattern.rowStart(row);
                out[i] = (float) (Math.sqrt(2.0 / fanIn) * rng.nextGaussian());
            }
            return out;
        };
    }
}

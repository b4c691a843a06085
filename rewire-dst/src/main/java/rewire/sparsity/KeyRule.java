package rewire.sparsity;

import rewire.tensor.Rng;

/**
 * Turns a score into a selection key; a selection keeps the largest keys (ties to the lower
 * position). Three rules cover hard and soft selection:
 * <ul>
 *   <li>{@link #top()}: the key is the score (hard top-k);</li>
 *   <li>{@link #uniform()}: a uniform random key, the score ignored: the top k keys are a uniformly
 *       random k-subset (SET's random growth, random pruning);</li>
 *   <li>{@link #proportional(double)}: sampling k without replacement with probability
 *       proportional to {@code score^T} (CHTs soft removal and regrowth), by the keys of
 *       Efraimidis and Spirakis (2006, "Weighted random sampling with a reservoir"),
 *       {@code u^(1 / w)}, computed in log space as {@code T ln(score) - ln(-ln u)} so that a
 *       tiny {@code score^T} does not underflow. A non-positive score gets key -infinity.</li>
 * </ul>
 * Rules that draw use one random number per key, in the order the keys are asked for, so a
 * selection is reproducible from its {@link Rng}.
 */
public sealed interface KeyRule {

    /** The key of {@code score}. */
    float key(float score, Rng rng);

    /** Whether keys depend on the score (false lets a selection skip computing scores). */
    boolean usesScores();

    static KeyRule top() {
        return new Top();
    }

    static KeyRule uniform() {
        return new Uniform();
    }

    /** Sampling proportional to {@code score^temperature}. */
    static KeyRule proportional(double temperature) {
        return new Proportional(temperature, 0);
    }

    /** Hard top-k. */
    record Top() implements KeyRule {
        @Override
        public float key(float score, Rng rng) {
            return score;
        }

        @Override
        public boolean usesScores() {
            return true;
        }
    }

    /** Uniformly random keys. */
    record Uniform() implements KeyRule {
        @Override
        public float key(float score, Rng rng) {
            return rng.nextFloat();
        }

        @Override
        public boolean usesScores() {
            return false;
        }
    }

    /**
     * Weighted sampling without replacement, weight {@code (score + offset)^temperature}.
     *
     * @param temperature exponent T, positive
     * @param offset      added to every score first (CHTs adds 1e-5 when too few scores are positive)
     */
    record Proportional(double temperature, double offset) implements KeyRule {
        public Proportional {
            if (!(temperature > 0) || Double.isInfinite(temperature)) {
                throw new IllegalArgumentException("sampling temperature must be positive and finite, got " + temperature);
            }
            if (!(offset >= 0)) {
                throw new IllegalArgumentException("sampling offset must be non-negative, got " + offset);
            }
        }

        /** The same rule with {@code offset} added to every score. */
        public Proportional withOffset(double more) {
            return new Proportional(temperature, more);
        }

        @Override
        public float key(float score, Rng rng) {
            double u = rng.nextDouble();
            double weight = score + offset;
            if (!(weight > 0)) {
                return Float.NEGATIVE_INFINITY;
            }
            // u in (0, 1): -ln(u) > 0 and finite
            double e = -Math.log(Math.max(u, 0x1.0p-60));
            return (float) (temperature * Math.log(weight) - Math.log(e));
        }

        @Override
        public boolean usesScores() {
            return true;
        }
    }
}

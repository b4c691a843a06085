package rewire.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of one evaluation pass, keyed by {@link Score#key()}: every score the workload
 * declares, and any further numbers it reports (an episode length, the environment steps so far).
 *
 * @param split   what was evaluated: "test", "val", "greedy episodes"
 * @param values  the scores and further numbers, in the workload's order
 * @param samples examples (tokens, episodes) evaluated
 */
public record Evaluation(String split, Map<String, Double> values, long samples) {

    public Evaluation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
    }

    /** An evaluation built value by value, in the order given. */
    public static Builder builder(String split, long samples) {
        return new Builder(split, samples);
    }

    /** The value of {@code key}, NaN when the evaluation did not report it. */
    public double get(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }

    /** The value of {@code score}, NaN when missing. */
    public double get(Score score) {
        return get(score.key());
    }

    /** Collects values in order. */
    public static final class Builder {
        private final String split;
        private final long samples;
        private final Map<String, Double> values = new LinkedHashMap<>();

        private Builder(String split, long samples) {
            this.split = split;
            this.samples = samples;
        }

        public Builder put(String key, double value) {
            values.put(key, value);
            return this;
        }

        public Evaluation build() {
            return new Evaluation(split, values, samples);
        }
    }
}

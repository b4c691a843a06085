package rewire.sparsity;

import rewire.nn.SparseParam;
import rewire.optim.Schedule;

/**
 * Scores the existing connections of a layer; pruning keeps the highest keys (score through
 * {@link #keyRule}). The set studied by Nowak et al. (NeurIPS 2023, "Fantastic Weights and How
 * to Find Them: Where to Prune in Dynamic Sparse Training", METHODS C.1), with {@code w} the
 * weight and {@code g} its mini-batch gradient ({@code param.grad()}) at the update:
 * <ul>
 *   <li>{@link #magnitude()} {@code |w|};</li>
 *   <li>{@link #set()} SET (Mocanu et al., Nature Communications 2018): the positives nearest
 *       zero and the negatives nearest zero go separately, each sign losing the same fraction;
 *       {@link #setEqualSplit()} is the Fantastic Weights form, an equal count from each sign;</li>
 *   <li>{@link #mest(double)} {@code |w| + gamma |g|} (Yuan et al., NeurIPS 2021, MEST);</li>
 *   <li>{@link #snip()} {@code |w g|}; {@link #sensitivity()} {@code |g| / (|w| + 1e-8)};
 *       {@link #reciprocalSensitivity()} {@code |w| / (|g| + 1e-8)}; {@link #taylor()}
 *       {@code (w g)^2}; {@link #random()} uniformly random removal;</li>
 *   <li>{@link #relativeImportance()} CHT's {@code |w| / (column sum |w|) + |w| / (row sum |w|)}
 *       (METHODS E.2), computed by {@link RelativeImportance};</li>
 *   <li>{@link #soft(PruneCriterion, Schedule)}: CHTs soft removal, survivors sampled without
 *       replacement with probability proportional to {@code score^T(step)} (METHODS E.2).</li>
 * </ul>
 * Exactly zero weights (grown ones that have not moved) rank below every nonzero weight under the
 * two SET criteria, as the reference code, which keeps only strictly positive or negative weights.
 *
 * <p>Call order per update: {@link #scores} once per layer on the current weights and gradients,
 * then {@link #keyRule} for the update's step; the {@link Constraint} turns both into a selection.
 */
public interface PruneCriterion {

    /** A short name for reports. */
    String name();

    /** One score per entry of {@code param} (higher is more worth keeping). Reads {@code param.grad()} if it needs gradients. */
    float[] scores(SparseParam param);

    /** How scores become keys at {@code step}; hard top-k unless the criterion samples. */
    default KeyRule keyRule(long step) {
        return KeyRule.top();
    }

    static PruneCriterion magnitude() {
        return new EntryScores("magnitude", (w, g) -> Math.abs(w), false);
    }

    static PruneCriterion set() {
        return new SignSplit(true);
    }

    static PruneCriterion setEqualSplit() {
        return new SignSplit(false);
    }

    /** MEST's {@code |w| + gamma |g|}; gamma = 1 in Fantastic Weights. */
    static PruneCriterion mest(double gamma) {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("MEST gamma must be finite and non-negative, got " + gamma);
        }
        float gm = (float) gamma;
        return new EntryScores("mest(" + gamma + ")", (w, g) -> Math.abs(w) + gm * Math.abs(g), true);
    }

    static PruneCriterion snip() {
        return new EntryScores("snip", (w, g) -> Math.abs(w * g), true);
    }

    static PruneCriterion sensitivity() {
        return new EntryScores("sensitivity", (w, g) -> Math.abs(g) / (Math.abs(w) + 1e-8f), true);
    }

    static PruneCriterion reciprocalSensitivity() {
        return new EntryScores("reciprocal-sensitivity", (w, g) -> Math.abs(w) / (Math.abs(g) + 1e-8f), true);
    }

    static PruneCriterion taylor() {
        return new EntryScores("taylor", (w, g) -> (w * g) * (w * g), true);
    }

    static PruneCriterion random() {
        return new RandomRemoval();
    }

    static PruneCriterion relativeImportance() {
        return new RelativeImportanceCriterion();
    }

    /** CHTs soft removal: sample survivors in proportion to {@code base}'s score to the power {@code temperature.at(step)}. */
    static PruneCriterion soft(PruneCriterion base, Schedule temperature) {
        return new Soft(base, temperature);
    }

    /** Sampled removal around another criterion's scores. */
    record Soft(PruneCriterion base, Schedule temperature) implements PruneCriterion {
        @Override
        public String name() {
            return "soft-" + base.name();
        }

        @Override
        public float[] scores(SparseParam param) {
            return base.scores(param);
        }

        @Override
        public KeyRule keyRule(long step) {
            return KeyRule.proportional(temperature.at(step));
        }
    }

    /** CHT's relative importance of each weight in its row and column. */
    record RelativeImportanceCriterion() implements PruneCriterion {
        @Override
        public String name() {
            return "relative-importance";
        }

        @Override
        public float[] scores(SparseParam param) {
            return RelativeImportance.scores(param.weight());
        }
    }

    /** Uniformly random removal: every score is equal and keys are random. */
    record RandomRemoval() implements PruneCriterion {
        @Override
        public String name() {
            return "random";
        }

        @Override
        public float[] scores(SparseParam param) {
            return new float[param.size()];
        }

        @Override
        public KeyRule keyRule(long step) {
            return KeyRule.uniform();
        }
    }
}

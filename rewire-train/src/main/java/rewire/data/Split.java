package rewire.data;

/**
 * A training set and a test set of the same kind of examples.
 *
 * @param train the examples to learn from; standardization statistics come from here only
 * @param test the held-out examples
 */
public record Split(Dataset train, Dataset test) {

    public Split {
        if (train.features() != test.features() || train.classes() != test.classes()) {
            throw new IllegalArgumentException("train and test differ: " + train + " vs " + test);
        }
    }

    /** Both sets standardized with the statistics of the training set; {@code NONE} returns this. */
    public Split standardized(Standardization.Mode mode) {
        if (mode == Standardization.Mode.NONE) {
            return this;
        }
        Standardization s = Standardization.fit(train, mode);
        return new Split(s.apply(train), s.apply(test));
    }
}

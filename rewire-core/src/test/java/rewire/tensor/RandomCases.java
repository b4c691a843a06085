package rewire.tensor;

import java.util.function.Consumer;

/**
 * Property-style checks without a property-testing library: a check runs on many cases drawn
 * from fixed seeds, so every run tests the same cases and a failure names the seed that
 * reproduces it.
 */
public final class RandomCases {
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
}

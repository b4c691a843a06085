package rewire.config;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for misspelled keys and names: the candidate nearest in optimal string alignment
 * distance (Levenshtein plus adjacent transpositions, so "mpl" is one edit from "mlp"), accepted
 * when at most a third of the query's length (and at least one edit) away. Ties go to the
 * candidate listed first.
 */
final class Suggest {
    private Suggest() {
    }

    /** The nearest candidate close enough to {@code query}, if any. */
    static Optional<String> nearest(String query, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(query.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= threshold(query) ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * The nearest dotted key: by the whole key first ({@code optim.lrr} to {@code optim.lr}), else
     * by the last segment ({@code lr} to {@code optim.lr}, a key written at the wrong level).
     */
    static Optional<String> nearestKey(String key, Collection<String> candidates) {
        Optional<String> whole = nearest(key, candidates);
        if (whole.isPresent()) {
            return whole;
        }
        String leaf = leaf(key);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(leaf.toLowerCase(), leaf(candidate).toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= threshold(leaf) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** " Did you mean 'x'?" or the empty string. */
    static String didYouMean(Optional<String> suggestion) {
        return suggestion.map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    private static int threshold(String query) {
        return Math.max(1, query.length() / 3);
    }

    private static String leaf(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

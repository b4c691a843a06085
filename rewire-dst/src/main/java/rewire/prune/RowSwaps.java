package rewire.prune;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * DSnoT's swaps in one output row (see {@link Dsnot}): the row's share of the mask, the
 * contribution {@code W_j μ_j} of every input to its expected output, and the error
 * {@code ε = Σ_{pruned j} W_j μ_j} as swaps change it.
 */
final class RowSwaps {
    private final int cols;
    private final int offset;
    private final boolean[] kept;
    private final float[] scores;
    private final double[] contribution;
    private final double[] variance;
    private final Integer[] regrowOrder;
    private double error;

    RowSwaps(WeightMatrix w, int row, boolean[] kept, float[] scores, double[] mean, double[] variance) {
        this.cols = w.cols();
        this.offset = row * cols;
        this.kept = kept;
        this.scores = scores;
        this.variance = variance;
        this.contribution = new double[cols];
        for (int j = 0; j < cols; j++) {
            contribution[j] = w.values()[offset + j] * mean[j];
            error += kept[offset + j] ? 0 : contribution[j];
        }
        // pruned, existing weights by W_j μ_j / Var_j, ascending: the ends move ε most
        this.regrowOrder = indices(j -> !kept[offset + j] && w.exists(row, j),
                Comparator.comparingDouble(this::regrowValue));
    }

    private double regrowValue(int j) {
        return contribution[j] / Math.max(variance[j], 1e-12);
    }

    // the columns that pass `keep`, sorted by `order` (ties by column)
    private Integer[] indices(IntPredicate keep, Comparator<Integer> order) {
        return IntStream.range(0, cols).filter(keep).boxed().sorted(order.thenComparing(j -> j))
                .toArray(Integer[]::new);
    }

    /** Unstructured: regrow one, prune one of ε's sign, until the stop rule. */
    void refine(int maxCycles, double threshold) {
        // kept weights by the criterion's score, ascending; those pushing ε down (W μ < 0) from the
        // front, those pushing it up (W μ > 0) from the back, each the lowest-scored first
        Integer[] byScore = indices(j -> kept[offset + j], Comparator.comparingDouble(j -> scores[offset + j]));
        Integer[] negative = Arrays.stream(byScore).filter(j -> contribution[j] < 0).toArray(Integer[]::new);
        Integer[] positive = Arrays.stream(byScore).filter(j -> contribution[j] >= 0).toArray(Integer[]::new);
        int sign = (int) Math.signum(error);
        int growLow = 0;
        int growHigh = regrowOrder.length - 1;
        int nextNegative = 0;
        int nextPositive = 0;
        for (int cycle = 0; cycle < maxCycles && Math.abs(error) > threshold && growLow <= growHigh; cycle++) {
            int grow = error > 0 ? regrowOrder[growHigh--] : regrowOrder[growLow++];
            Integer[] side = error < 0 ? positive : negative;
            int at = error < 0 ? nextPositive++ : nextNegative++;
            if (at >= side.length || !swap(side[at], grow, sign)) {
                return;
            }
        }
    }

    /** N:M: regrow one, prune the lowest-scored kept weight of its group of {@code m}, until the stop rule. */
    void refineInGroups(int m, int maxCycles, double threshold) {
        boolean[] spent = new boolean[cols];
        int sign = (int) Math.signum(error);
        int growLow = 0;
        int growHigh = regrowOrder.length - 1;
        for (int cycle = 0; cycle < maxCycles && Math.abs(error) > threshold && growLow <= growHigh; cycle++) {
            int grow = error > 0 ? regrowOrder[growHigh--] : regrowOrder[growLow++];
            int group = grow - grow % m;
            int prune = -1;
            for (int j = group; j < group + m; j++) {
                if (kept[offset + j] && !spent[j] && (prune < 0 || scores[offset + j] < scores[offset + prune])) {
                    prune = j;
                }
            }
            if (prune < 0) {
                continue;
            }
            spent[prune] = true;
            if (!swap(prune, grow, sign)) {
                return;
            }
        }
    }

    // prunes `prune` and regrows `grow` when that keeps ε's sign; false (nothing changed) otherwise
    private boolean swap(int prune, int grow, int sign) {
        double after = error + contribution[prune] - contribution[grow];
        if ((int) Math.signum(after) != sign) {
            return false;
        }
        kept[offset + prune] = false;
        kept[offset + grow] = true;
        error = after;
        return true;
    }

    /** The expected error of the row's output now. */
    double error() {
        return error;
    }
}

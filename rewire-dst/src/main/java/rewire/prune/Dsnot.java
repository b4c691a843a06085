package rewire.prune;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;

/**
 * DSnoT, training-free refinement of a pruning mask (Zhang et al., "Dynamic Sparse No Training:
 * Training-Free Fine-tuning for Sparse LLMs", ICLR 2024): starting from a score criterion's mask,
 * each output row swaps pruned and kept weights, one pair per cycle, to shrink the expected
 * reconstruction error of its output, {@code ε = Σ_{j pruned} W_j · μ_j} with {@code μ_j} the mean of
 * input j over the calibration tokens. A cycle regrows the pruned weight that moves ε most toward 0
 * relative to its input's variance ({@code W_j μ_j / Var_j}, from the positive end when ε > 0,
 * the negative end when ε < 0) and prunes a kept weight whose {@code W_j μ_j} has ε's sign
 * (the lowest-scored such one first, by the criterion's own score); under N:M it prunes the
 * lowest-scored kept weight of the regrown weight's group, so every group keeps N. A row stops at
 * the first swap that would flip ε's sign, once {@code |ε|} falls to {@code threshold}, or after
 * {@code maxCycles}. The number of weights per row (per group) never changes, nor any value.
 *
 * <p>The authors' code stops at 0.1 on ε summed over each 2048-token sequence; here ε is per token,
 * so the default threshold is 0 (swap while it helps) and the cycles, 50 as theirs, bound the work.
 */
public final class Dsnot implements PruneMethod {
    /** The authors' cycle limit. */
    public static final int MAX_CYCLES = 50;

    private final ScoreCriterion initial;
    private final int maxCycles;
    private final double threshold;

    /** DSnoT over {@code initial}'s mask, with at most {@code maxCycles} swaps per row, stopping at {@code |ε| <= threshold}. */
    public Dsnot(ScoreCriterion initial, int maxCycles, double threshold) {
        if (maxCycles < 0 || !(threshold >= 0)) {
            throw new IllegalArgumentException("DSnoT needs maxCycles >= 0 and threshold >= 0, got " + maxCycles + ", "
                    + threshold);
        }
        this.initial = initial;
        this.maxCycles = maxCycles;
        this.threshold = threshold;
    }

    /** DSnoT over {@code initial} with the authors' 50 cycles and a threshold of 0. */
    public static Dsnot over(ScoreCriterion initial) {
        return new Dsnot(initial, MAX_CYCLES, 0);
    }

    @Override
    public String key() {
        return initial.key() + "+dsnot";
    }

    @Override
    public String paper() {
        return "Zhang et al., ICLR 2024 (DSnoT) over " + initial.paper();
    }

    @Override
    public Set<Statistic> needs() {
        Set<Statistic> needs = EnumSet.of(Statistic.MEANS_AND_VARIANCES);
        needs.addAll(initial.needs());
        return needs;
    }

    @Override
    public CsrMatrix prune(WeightMatrix w, LayerStatistics stats, SparsityTarget target) {
        float[] scores = initial.scores(w, stats);
        SparsityPattern start = Selection.keep(w, scores, target, initial.group());
        boolean[] kept = new boolean[w.rows() * w.cols()];
        for (int r = 0; r < w.rows(); r++) {
            for (int e = start.rowStart(r); e < start.rowEnd(r); e++) {
                kept[r * w.cols() + start.colIdx()[e]] = true;
            }
        }
        double[] mean = stats.means();
        double[] variance = stats.variances();
        for (int r = 0; r < w.rows(); r++) {
            RowSwaps row = new RowSwaps(w, r, kept, scores, mean, variance);
            if (target.semiStructured()) {
                row.refineInGroups(target.m(), maxCycles, threshold);
            } else {
                row.refine(maxCycles, threshold);
            }
        }
        long[] positions = new long[kept.length];
        int n = 0;
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                positions[n++] = i;
            }
        }
        return w.gather(Patterns.fromSortedPositions(w.rows(), w.cols(), Arrays.copyOf(positions, n)));
    }

    @Override
    public String toString() {
        return "Dsnot(" + initial.key() + ", " + maxCycles + " cycles, threshold " + threshold + ")";
    }
}

package rewire.sparsity;

import java.util.Arrays;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * SRigL's dynamic neuron ablation (Lasby et al., ICLR 2024, "Dynamic Sparse Training with
 * Structured Sparsity", Section 3 and Algorithm 1), run at every update of a constant fan-in
 * layer before pruning. A weight is salient when pruning would keep it (it is among the
 * {@code keepCount} best by the prune scores) or growth would want it (its position is among the
 * {@code dropCount} best by the grow scores over the whole layer, held or not; a weight that is
 * both counts once). A neuron (output row) with fewer than {@code max(1, floor(minSalient * k))}
 * salient weights is ablated, {@code k} being the layer's fan-in without ablation
 * ({@code target / rows}): it loses every input, and the layer's budget is shared by the active
 * rows, each holding {@code floor(target / active)}. Ablation is decided afresh at each update, so a
 * neuron whose gradients become salient again is revived and regrown.
 *
 * <p>The threshold never ablates so many rows that the rest could not hold the budget: with
 * {@code m = floor(target / cols)}, when the row ranked {@code m}-th by salient count (from 0,
 * highest first) falls below the threshold, the threshold drops to that row's count, so at least
 * {@code m + 1} rows stay active and the fan-in stays within the row. The saliency pass ranks the
 * grow scores of every position once more, so a gradient criterion pays one more dense
 * {@code dy · xᵀ} per layer and update, counted as scoring FLOPs.
 *
 * @param minSalient SRigL's {@code gamma_sal}: the fraction of the sparse fan-in a neuron must have
 *                   salient to stay active; 0.3, the reference's default
 *                   ({@code min_salient_weights_per_neuron} with the sparse fan-in as denominator)
 */
public record NeuronAblation(double minSalient) {

    public NeuronAblation {
        if (!(minSalient >= 0 && minSalient <= 1)) {
            throw new IllegalArgumentException("neuron ablation: minSalient " + minSalient + " outside [0, 1]");
        }
    }

    /**
     * Which rows of a layer stay active at this update.
     *
     * @param p           the layer's pattern before the update
     * @param keepScores  one prune score per entry of {@code p}, higher is more worth keeping
     * @param growScores  grow scores of every position
     * @param keepCount   entries pruning keeps
     * @param dropCount   entries pruning removes (and growth may refill)
     * @param target      the layer's connection count
     * @return a flag per row, and the FLOPs the saliency pass spent ranking {@code growScores}
     */
    Decision activeRows(SparsityPattern p, float[] keepScores, ScoreSource growScores, int keepCount, int dropCount,
                        int target, Rng rng, int tileFloats) {
        int rows = p.rows();
        int[] salient = new int[rows];
        boolean[] kept = Ranking.keepTop(keepScores, Math.max(0, Math.min(p.nnz(), keepCount)));
        for (int r = 0; r < rows; r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                salient[r] += kept[e] ? 1 : 0;
            }
        }
        SparsityPattern none = Patterns.empty(rows, p.cols());
        Selection wanted = Constraint.unstructured().select(none, none, new int[] {dropCount}, growScores,
                KeyRule.top(), rng, tileFloats);
        for (long position : wanted.positions()) {
            int r = (int) (position / p.cols());
            int e = entryAt(p, r, (int) (position % p.cols()));
            if (e < 0 || !kept[e]) {
                salient[r]++;
            }
        }
        int threshold = threshold(salient, target, p.cols());
        boolean[] active = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            active[r] = salient[r] >= threshold;
        }
        return new Decision(active, growScores.flops());
    }

    // max(1, floor(minSalient * k)), lowered so that at least floor(target / cols) + 1 rows pass
    private int threshold(int[] salient, int target, int cols) {
        int fanIn = target / salient.length;
        int threshold = Math.max(1, (int) (minSalient * fanIn));
        int mustStay = target / cols;
        if (mustStay < salient.length) {
            int[] ranked = salient.clone();
            Arrays.sort(ranked);
            int mustStayCount = ranked[ranked.length - 1 - mustStay];
            threshold = Math.min(threshold, mustStayCount);
        }
        return threshold;
    }

    // entry index of (r, c) in p, or -1
    private static int entryAt(SparsityPattern p, int r, int c) {
        int e = Arrays.binarySearch(p.colIdx(), p.rowStart(r), p.rowEnd(r), c);
        return e >= 0 ? e : -1;
    }

    /** The rows to keep active and what ranking the grow scores cost. */
    record Decision(boolean[] active, long scoringFlops) {
        int ablated() {
            int n = 0;
            for (boolean a : active) {
                n += a ? 0 : 1;
            }
            return n;
        }
    }
}

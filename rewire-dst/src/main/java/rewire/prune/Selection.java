package rewire.prune;

import java.util.Arrays;
import rewire.kernel.TopK;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;

/**
 * Which entries of a layer stay, from a score per entry (higher is more worth keeping) and the
 * group scores compete in: each output row (Wanda's per-output comparison, MoE-Pruner), the whole
 * layer (magnitude, RIA), or every {@code m} consecutive inputs of a row (N:M). Ties go to the
 * lower position, so a selection never depends on iteration order; entries that do not exist never
 * stay.
 */
public final class Selection {

    /** The group in which entries compete for unstructured pruning. */
    public enum Group {
        /** Each output row keeps {@code cols - floor(s·cols)} entries. */
        ROW,
        /** The layer keeps {@code rows·cols - floor(s·rows·cols)} entries. */
        LAYER
    }

    private Selection() {
    }

    /**
     * The entries that stay under {@code target}: N:M groups when it is semi-structured, otherwise
     * {@code group}. A row or group with fewer existing entries than it keeps keeps all of them.
     *
     * @param scores {@code (rows · cols)} row-major
     */
    public static SparsityPattern keep(WeightMatrix w, float[] scores, SparsityTarget target, Group group) {
        if (scores.length != w.rows() * w.cols()) {
            throw new IllegalArgumentException(w.name() + ": " + scores.length + " scores for " + w.rows() + " x "
                    + w.cols());
        }
        target.requireFits(w.name(), w.cols());
        if (target.semiStructured()) {
            return nOfM(w, scores, target.n(), target.m());
        }
        return group == Group.ROW ? perRow(w, scores, w.cols() - target.prunedPerRow(w.cols()))
                : perLayer(w, scores, (long) w.rows() * w.cols() - (long) Math.floor(target.sparsity() * w.rows() * w.cols()));
    }

    /** Each row keeps its {@code keep} best existing entries. */
    static SparsityPattern perRow(WeightMatrix w, float[] scores, int keep) {
        return inGroups(w, scores, w.cols(), keep);
    }

    /** Each group of {@code m} consecutive entries of a row keeps its {@code n} best existing ones. */
    static SparsityPattern nOfM(WeightMatrix w, float[] scores, int n, int m) {
        return inGroups(w, scores, m, n);
    }

    // every run of `size` consecutive entries of a row keeps its `keep` best existing ones
    private static SparsityPattern inGroups(WeightMatrix w, float[] scores, int size, int keep) {
        int cols = w.cols();
        long[] kept = new long[(int) Math.min((long) w.rows() * cols, (long) w.rows() * (cols / size) * keep)];
        int n = 0;
        for (int r = 0; r < w.rows(); r++) {
            for (int start = 0; start < cols; start += size) {
                TopK top = new TopK(keep);
                for (int c = start; c < start + size; c++) {
                    if (w.exists(r, c)) {
                        top.offer(scores[r * cols + c], (long) r * cols + c);
                    }
                }
                for (long p : top.result().sortedPositions()) {
                    kept[n++] = p;
                }
            }
        }
        return Patterns.fromSortedPositions(w.rows(), cols, Arrays.copyOf(kept, n));
    }

    /** The layer keeps its {@code keep} best existing entries. */
    static SparsityPattern perLayer(WeightMatrix w, float[] scores, long keep) {
        TopK top = new TopK(Math.toIntExact(Math.min(keep, w.nnz())));
        for (int r = 0; r < w.rows(); r++) {
            for (int c = 0; c < w.cols(); c++) {
                if (w.exists(r, c)) {
                    top.offer(scores[r * w.cols() + c], (long) r * w.cols() + c);
                }
            }
        }
        return Patterns.fromSortedPositions(w.rows(), w.cols(), top.result().sortedPositions());
    }
}

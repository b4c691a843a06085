package rewire.sparsity;

import rewire.sparse.SparsityPattern;
import rewire.sparse.StorageFormat;
import rewire.tensor.Rng;

/**
 * The structure a layer's pattern must keep through every rewire. A constraint shapes what
 * pruning and growth may choose so the result satisfies it:
 * <ul>
 *   <li>{@link #unstructured()}: any pattern;</li>
 *   <li>{@link #constantFanIn()}: every output row holds the same number of inputs (Lasby et al.,
 *       ICLR 2024, "Dynamic Sparse Training with Structured Sparsity");</li>
 *   <li>{@link #nOfM(int, int)}: every group of {@code m} consecutive inputs of a row holds exactly
 *       {@code n} (Zhou et al., ICLR 2021, "Learning N:M Fine-grained Structured Sparse Neural
 *       Networks From Scratch");</li>
 *   <li>{@link #block(int, int)}: whole {@code br x bc} blocks, full or empty;</li>
 *   <li>{@link #diagonal()}: a union of whole wrap-around diagonals (Tyagi et al., ICML 2025,
 *       "Dynamic Sparse Training of Diagonally Sparse Networks", DynaDiag).</li>
 * </ul>
 * Call order in one update: {@link #feasibleNnz} on the target, {@link #keep} (prune),
 * {@link #growQuota} on the kept pattern, {@link #select} once or more (grow), and
 * {@link #violation} on the result. Grouped constraints rank pruning within the whole layer but
 * prune every over-full group down to its quota first; growth then refills each group.
 */
public interface Constraint {

    /** A short name for reports, such as "2:4". */
    String name();

    /** The reachable connection count nearest to {@code target} for a {@code rows x cols} layer. */
    int feasibleNnz(int rows, int cols, long target);

    /** Why {@code pattern} breaks this constraint, or null when it satisfies it. */
    String violation(SparsityPattern pattern);

    /**
     * The storage format whose kernels a layer kept in this structure computes with: a structured
     * format where one exists, CSR otherwise.
     */
    default StorageFormat format() {
        return StorageFormat.CSR;
    }

    /** Whether {@code pattern} satisfies this constraint. */
    default boolean isSatisfiedBy(SparsityPattern pattern) {
        return violation(pattern) == null;
    }

    /**
     * A uniformly random pattern satisfying this constraint with {@code nnz} connections.
     *
     * @throws IllegalArgumentException if {@code nnz} is not feasible for the shape
     */
    SparsityPattern randomPattern(int rows, int cols, int nnz, Rng rng);

    /**
     * Which entries of {@code pattern} survive pruning: about {@code pruneCount} entries with the
     * lowest keys go (keys from {@code scores} through {@code rule}), and never fewer than it takes
     * to bring every group within {@code target}'s quota.
     *
     * @param scores one score per entry, higher is more worth keeping
     * @return a keep flag per entry
     */
    boolean[] keep(SparsityPattern pattern, float[] scores, KeyRule rule, Rng rng, int pruneCount, int target);

    /** How many positions each group must gain to bring {@code kept} to {@code target}; one count for ungrouped constraints. */
    int[] growQuota(SparsityPattern kept, int target);

    /**
     * Chooses up to {@code quota[g]} positions in each group among those outside {@code exclude}
     * (which contains {@code kept}), by the largest keys of the streamed scores.
     *
     * @param scores     scores of all positions, or null when {@code rule} ignores scores
     * @param tileFloats the largest tile of scores to request at once
     */
    Selection select(SparsityPattern kept, SparsityPattern exclude, int[] quota, ScoreSource scores, KeyRule rule,
                     Rng rng, int tileFloats);

    static Constraint unstructured() {
        return Unstructured.INSTANCE;
    }

    static Constraint constantFanIn() {
        return Grouped.fanIn();
    }

    /** {@code n} of every {@code m} consecutive inputs; the layer's columns must be a multiple of {@code m}. */
    static Constraint nOfM(int n, int m) {
        return Grouped.nOfM(n, m);
    }

    /** Whole {@code blockRows x blockCols} blocks; the layer's shape must be a multiple of the block. */
    static Constraint block(int blockRows, int blockCols) {
        return Units.blocks(blockRows, blockCols);
    }

    /** Whole wrap-around diagonals of length {@code min(rows, cols)}. */
    static Constraint diagonal() {
        return Units.diagonals();
    }
}

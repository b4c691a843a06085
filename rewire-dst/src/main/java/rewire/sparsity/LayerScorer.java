package rewire.sparsity;

import rewire.kernel.Kernels;
import rewire.sparse.SparsityPattern;

/**
 * The scores a grow criterion gives the positions of one layer, computed from the pattern left
 * after pruning. This is the seam for growth rules outside this package, such as
 * Cannistraci-Hebb link prediction: wrap one with {@link GrowCriterion#scored(String, LayerScorer)}.
 */
@FunctionalInterface
public interface LayerScorer {

    /** A source of scores for every position of {@code layer} (only those outside the exclusion are read). */
    ScoreSource scores(LayerView layer, SparsityPattern kept, Kernels kernels);
}

package rewire.sparsity;

import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * How a layer's first pattern is drawn, when not uniformly at random within the constraint:
 * CHTs's bipartite receptive field ({@code rewire.sparsity.ch.BipartiteReceptiveField}) places each
 * neuron's links near it.
 */
@FunctionalInterface
public interface InitialTopology {
    /** A pattern of {@code rows x cols} with exactly {@code nnz} entries, drawn from {@code rng}. */
    SparsityPattern pattern(int rows, int cols, int nnz, Rng rng);
}

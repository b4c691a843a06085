package rewire.sparsity;

import rewire.sparse.SparsityPattern;

/**
 * A change to every layer's pattern between pruning and growth of one update, seeing all layers at
 * once: CHT's chain removal ({@code rewire.sparsity.ch.ChainRemoval}) drops the links of neurons that
 * pruning left without inputs or outputs. Growth then refills each layer to its target, so the
 * links removed here are regrown elsewhere.
 */
@FunctionalInterface
public interface AfterPrune {
    /**
     * The patterns after this change, one per layer in order; each may only lose entries of its
     * {@code kept} pattern.
     */
    SparsityPattern[] apply(SparsityPattern[] kept);
}

package rewire.sparsity;

/**
 * Where pruning and growth rank candidates. {@link #PER_LAYER}: each layer keeps its own counts
 * (from its target and drop fraction) and ranks only its own connections. {@link #GLOBAL}: the
 * counts are computed on the model's totals and one ranking spans all layers, so layers gain or
 * lose connections by their scores (global magnitude pruning, global gradient growth); it
 * supports unstructured layers and single-score grow criteria.
 */
public enum Scope {
    PER_LAYER,
    GLOBAL
}

package rewire.prune;

/**
 * A statistic of a layer's calibration inputs {@code X (in, T)} (T tokens) that a pruning method
 * reads. {@link LayerStatistics} keeps only those asked for: the vector ones cost O(in) memory,
 * the Hessian O(in²).
 */
public enum Statistic {
    /** {@code Σ_t x_{j,t}²} per input column j: Wanda's and RIA's {@code ‖X_j‖₂²}. */
    SQUARED_NORMS,
    /**
     * {@code Σ_t (x_{j,t} · g_t)²} with {@code g_t} the router's gate of token t for the layer's
     * expert (MoE-Pruner, Xie et al. 2024, Eq. 9); tokens routed elsewhere never reach the expert,
     * and a layer outside any expert has {@code g ≡ 1}.
     */
    GATED_SQUARED_NORMS,
    /** {@code Σ_t x_{j,t}} and {@code Σ_t x_{j,t}²}: the mean and variance of each input (DSnoT). */
    MEANS_AND_VARIANCES,
    /** {@code X·Xᵀ (in, in)} in float64 (SparseGPT's Hessian {@code H = 2·X·Xᵀ / T}). */
    HESSIAN
}

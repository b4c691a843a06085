package rewire.models.rl;

/**
 * How one module's connections are trained (Ma et al., "Rethinking the Role of Dynamic Sparse
 * Training for Scalable Deep Reinforcement Learning", 2025; METHODS G), each a recipe of the
 * registry ({@code rewire recipes}) or none.
 */
public enum Regime {
    /** Dense weights, never rewired: no recipe. */
    DENSE(null),
    /** A random sparse topology fixed at initialization: {@code static}. */
    STATIC("static"),
    /** Sparse-to-sparse dynamic sparse training by RigL, the only DST method Ma et al. use: {@code rigl}. */
    DST("rigl"),
    /** Dense start, gradually pruned by magnitude: {@code gmp}. */
    DENSE_TO_SPARSE("gmp"),
    /** Sparse start, gradually grown to dense: {@code sparse-to-dense}. */
    SPARSE_TO_DENSE("sparse-to-dense");

    private final String recipe;

    Regime(String recipe) {
        this.recipe = recipe;
    }

    /** The registry name of the regime's recipe, or null for {@link #DENSE}. */
    public String recipe() {
        return recipe;
    }
}

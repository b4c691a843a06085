/**
 * Named DST methods: {@link rewire.recipe.Recipes} is the registry of published configurations
 * (static, SET, RigL, SNFS, Fantastic Weights, MEST, GMP, CHT, CHTs, CHTss, MST, N:M with SR-STE),
 * each a {@link rewire.recipe.Recipe} that wires parts of {@code rewire.sparsity} into one
 * {@link rewire.sparsity.Rewirer} with documented options and defaults.
 *
 * <p>Layer 6: may import {@code tensor}, {@code sparse}, {@code kernel}, {@code autodiff},
 * {@code nn}, {@code optim}, {@code sparsity} and {@code sparsity.ch}.
 */
package rewire.recipe;

/**
 * Named DST methods and the named parts their options choose from. {@link rewire.recipe.Recipes}
 * is the registry of published configurations (static, SET, RigL, SNFS, Fantastic Weights, MEST,
 * GMP, CHT, CHTs, CHTss, MST, N:M with SR-STE), each with a typed options record
 * ({@link rewire.recipe.RecipeOptions}) whose {@code key=value} text is parsed and range-checked
 * once, before training, into a {@link rewire.recipe.Recipe} that wires parts of
 * {@code rewire.sparsity} into one {@link rewire.sparsity.Rewirer} and says what will surprise
 * its user ({@link rewire.recipe.Recipe#warnings}). {@link rewire.recipe.Parts} lists every
 * prune criterion, grow criterion, constraint, distribution, scope, regrowth sampling and init
 * once; options, error messages, {@code rewire recipes} and docs/methods.md read that list.
 *
 * <p>Layer 6: may import {@code tensor}, {@code sparse}, {@code kernel}, {@code autodiff},
 * {@code nn}, {@code optim}, {@code sparsity} and {@code sparsity.ch}; outside Rewire, Apache
 * Commons Text (the nearest name to a mistyped one).
 */
package rewire.recipe;

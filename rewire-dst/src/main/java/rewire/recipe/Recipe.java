package rewire.recipe;

import java.util.List;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.DiagonalSelection;
import rewire.sparsity.Distribution;
import rewire.sparsity.LayerShape;
import rewire.sparsity.Rewirer;
import rewire.sparsity.SrSte;
import rewire.tensor.Rng;

/**
 * A named, fully configured DST method for one run: the {@link Rewirer} plus how to start. Made by
 * {@link Recipes}, which has checked every option; {@link #warnings} says what the run will do
 * that its configuration does not show.
 *
 * @param name           the registry name with the options that differ from the defaults
 * @param paper          the method's paper
 * @param rewirer        the topology updates
 * @param initialDensity the global density of the starting patterns (1 for dense-to-sparse methods)
 * @param srSte          the N:M SR-STE gradient hook for dense layers, or null
 * @param diagonals      DynaDiag's learned choice of diagonals (gated layers, then a freeze), or null
 * @param plan           the run it was made for
 */
public record Recipe(String name, String paper, Rewirer rewirer, double initialDensity, SrSte srSte,
                     DiagonalSelection diagonals, Recipes.Plan plan) {

    public Recipe {
        Distribution.requireDensity(initialDensity, "initial density of " + name);
    }

    /** A recipe of topology updates alone, or with SR-STE: no DynaDiag selection. */
    public Recipe(String name, String paper, Rewirer rewirer, double initialDensity, SrSte srSte, Recipes.Plan plan) {
        this(name, paper, rewirer, initialDensity, srSte, null, plan);
    }

    /** Random starting patterns for these layers, split by the rewirer's distribution and constraint. */
    public List<SparsityPattern> initialPatterns(List<LayerShape> shapes, Rng rng) {
        return rewirer.initialPatterns(shapes, initialDensity, rng);
    }

    /**
     * What will surprise the user of this recipe on layers of these shapes, one sentence each: a
     * constraint that holds a layer at another density than requested, a run that ends before the
     * first topology update, a density schedule that the run's last update does not reach.
     *
     * @throws IllegalArgumentException when the request cannot be honoured at all (a layer whose
     *     shape the constraint cannot hold), naming the layer
     */
    public List<String> warnings(List<LayerShape> shapes) {
        return RecipeWarnings.of(this, shapes);
    }
}

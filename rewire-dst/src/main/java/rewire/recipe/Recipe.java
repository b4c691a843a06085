package rewire.recipe;

import java.util.List;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.Distribution;
import rewire.sparsity.LayerShape;
import rewire.sparsity.Rewirer;
import rewire.sparsity.SrSte;
import rewire.tensor.Rng;

/**
 * A named, fully configured DST method: the {@link Rewirer} plus how to start. Made by
 * {@link Recipes}.
 *
 * @param name           the registry name with the options that differ from the defaults
 * @param paper          the method's paper
 * @param rewirer        the topology updates
 * @param initialDensity the global density of the starting patterns (1 for dense-to-sparse methods)
 * @param srSte          the N:M SR-STE gradient hook for dense layers, or null
 */
public record Recipe(String name, String paper, Rewirer rewirer, double initialDensity, SrSte srSte) {

    public Recipe {
        Distribution.requireDensity(initialDensity, "initial density of " + name);
    }

    /** Random starting patterns for these layers, split by the rewirer's distribution and constraint. */
    public List<SparsityPattern> initialPatterns(List<LayerShape> shapes, Rng rng) {
        return rewirer.initialPatterns(shapes, initialDensity, rng);
    }
}

package rewire.prune;

import java.util.List;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;

/**
 * The uniform soup of models fine-tuned from one pruned model (Zimmer, Spiegel and Pokutta,
 * "Sparse Model Soups: A Recipe for Improved Pruning via Model Averaging", ICLR 2024): every
 * parameter is the mean of the ingredients' values. Ingredients trained with their masks fixed
 * share every sparse pattern, so the soup keeps it, and its sparsity, exactly; averaging models
 * of different patterns would densify them, and is refused.
 */
public final class ModelSoup {
    private ModelSoup() {
    }

    /**
     * Sets each of {@code soup}'s parameters to the mean of the ingredients' parameter of the same
     * position; every ingredient lists the same parameters (names, shapes, sparse patterns) in the
     * same order.
     *
     * @throws IllegalArgumentException naming the parameter when an ingredient's name, shape or
     *     pattern differs from the soup's
     */
    public static void average(List<List<Param>> ingredients, List<Param> soup) {
        if (ingredients.isEmpty()) {
            throw new IllegalArgumentException("a soup needs at least one ingredient");
        }
        for (int i = 0; i < ingredients.size(); i++) {
            if (ingredients.get(i).size() != soup.size()) {
                throw new IllegalArgumentException("ingredient " + i + " has " + ingredients.get(i).size()
                        + " parameters, the soup " + soup.size());
            }
        }
        for (int p = 0; p < soup.size(); p++) {
            Param target = soup.get(p);
            double[] sum = new double[target.size()];
            for (int i = 0; i < ingredients.size(); i++) {
                Param from = ingredients.get(i).get(p);
                requireSameLayout(i, from, target);
                float[] v = from.values();
                for (int e = 0; e < sum.length; e++) {
                    sum[e] += v[e];
                }
            }
            float[] out = target.values();
            for (int e = 0; e < out.length; e++) {
                out[e] = (float) (sum[e] / ingredients.size());
            }
        }
    }

    private static void requireSameLayout(int ingredient, Param from, Param target) {
        boolean same = from.name().equals(target.name()) && switch (target) {
            case DenseParam d -> from instanceof DenseParam f && f.value().shape().equals(d.value().shape());
            case SparseParam s -> from instanceof SparseParam f && f.pattern().equals(s.pattern());
        };
        if (!same) {
            throw new IllegalArgumentException("ingredient " + ingredient + "'s " + from.name() + " does not match the "
                    + "soup's " + target.name() + " (name, shape and sparse pattern must agree: ingredients are "
                    + "fine-tuned from one pruned model with the mask fixed)");
        }
    }
}

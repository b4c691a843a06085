import java.nio.file.Path;
import rewire.data.FashionMnist;
import rewire.data.Split;
import rewire.data.Standardization;
import rewire.models.classify.Classification;
import rewire.models.classify.ClassificationWorkload;
import rewire.nn.SparseParam;
import rewire.optim.Optim;
import rewire.recipe.Recipe;
import rewire.recipe.Recipes;
import rewire.sparsity.PruneCriterion;
import rewire.sparsity.Rewirer;
import rewire.tensor.Rng;
import rewire.train.Evaluation;
import rewire.train.Trainer;

/**
 * A new pruning criterion: a connection's |w| relative to the mean |w| of its output neuron's row,
 * so that every neuron keeps its strongest inputs whatever its scale. It joins SET's recipe in
 * place of SET's own criterion, and the rest of the recipe (cadence, drop fraction, random growth,
 * ER budgets) is unchanged.
 */
public class RowRelativeMagnitude implements PruneCriterion {

    @Override
    public String name() {
        return "row-relative-magnitude";
    }

    /** One score per stored entry, higher is more worth keeping: |w_ij| / mean_j' |w_ij'|. */
    @Override
    public float[] scores(SparseParam param) {
        int[] rowPtr = param.pattern().rowPtr();
        float[] w = param.values();
        float[] out = new float[w.length];
        for (int r = 0; r < param.rows(); r++) {
            double sum = 0;
            for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
                sum += Math.abs(w[e]);
            }
            double mean = sum / Math.max(1, rowPtr[r + 1] - rowPtr[r]) + 1e-12;
            for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
                out[e] = (float) (Math.abs(w[e]) / mean);
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Split data = FashionMnist.load(Path.of(args[0])).standardized(Standardization.Mode.GLOBAL);
        int batch = 32;
        long perEpoch = data.train().size() / batch, steps = 2 * perEpoch;
        Recipes.Plan plan = new Recipes.Plan(steps, perEpoch, 0.2);
        Recipe set = Recipes.standard().create("set", plan);
        Rewirer mine = set.rewirer().toBuilder().prune(new RowRelativeMagnitude()).build();
        Recipe recipe = new Recipe("set+row-relative", set.paper(), mine, set.initialDensity(), null, plan);
        ClassificationWorkload mlp = Classification.mlp(data, batch, recipe, Optim.momentum(0.02, 0.9, false),
                new Rng(3), 64);
        Evaluation test = Trainer.fit(mlp, steps, 3);
        System.out.printf("%s: test accuracy %.2f%%, density %.3f%n", recipe.name(), 100 * test.get("accuracy"),
                mlp.group().density());
    }
}

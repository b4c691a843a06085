package rewire.models.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import rewire.data.Split;
import rewire.data.Standardization;
import rewire.kernel.Kernels;
import rewire.nn.SparseLinear;
import rewire.optim.Transform;
import rewire.recipe.Recipe;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** Classification workloads built in code, for library users (the CLI builds them from configuration). */
public final class Classification {
    private Classification() {
    }

    /**
     * An MLP over the examples of {@code data} (images or flat vectors) with the given hidden
     * widths, sparse with the recipe's initial topology and rewired by it (or dense when
     * {@code recipe} is null), trained on {@code data} in shuffled batches by {@code optimizer}.
     */
    public static ClassificationWorkload mlp(Split data, int batchSize, Recipe recipe, Transform optimizer, Rng rng,
                                             int... hidden) {
        List<Integer> widths = new ArrayList<>();
        for (int h : hidden) {
            widths.add(h);
        }
        ModelSettings model = new ModelSettings(ModelSettings.Arch.MLP, widths, List.of(), 1, 0,
                SparseLinear.DEFAULT_CROSSOVER, VitSettings.defaults());
        Architecture arch = new Architecture(model, ClassifyData.input(data.train(), model), data.train().classes());
        List<SparsityPattern> patterns = recipe == null
                ? new ArrayList<>(Collections.nCopies(arch.shapes().size(), (SparsityPattern) null))
                : recipe.initialPatterns(arch.shapes(), rng.fold(1));
        return new ClassificationWorkload("mlp-" + data.train().name(), arch.build(patterns, recipe, rng.fold(2)), optimizer,
                null, recipe, data.train(), data.test(), Standardization.fit(data.train(), Standardization.Mode.NONE),
                batchSize, 1000, rng.fold(3),
                ClassifyData.heatmapImage(data.train(), model),
                Kernels.defaults());
    }
}

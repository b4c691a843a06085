import java.nio.file.Path;
import rewire.data.FashionMnist;
import rewire.data.Split;
import rewire.data.Standardization;
import rewire.models.classify.Classification;
import rewire.models.classify.ClassificationWorkload;
import rewire.optim.Optim;
import rewire.optim.Transform;
import rewire.recipe.Recipe;
import rewire.recipe.Recipes;
import rewire.tensor.Rng;
import rewire.train.Evaluation;
import rewire.train.Trainer;

public class QuickStart {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        Split data = FashionMnist.load(dir).standardized(Standardization.Mode.GLOBAL);
        int epochs = 3, batch = 128;
        long stepsPerEpoch = data.train().size() / batch, steps = epochs * stepsPerEpoch;
        Recipe rigl = Recipes.standard().create("rigl", new Recipes.Plan(steps, stepsPerEpoch, 0.1));
        Transform sgd = Optim.chain(Optim.addWeightDecay(5e-4), Optim.momentum(0.01, 0.9, false));
        ClassificationWorkload mlp = Classification.mlp(data, batch, rigl, sgd, new Rng(42), 1000, 1000, 1000);
        Evaluation test = Trainer.fit(mlp, steps, 42);
        System.out.printf("RigL at 90%% sparsity: test accuracy %.2f%%%n", 100 * test.get("accuracy"));
    }
}

import java.util.List;
import java.util.Map;
import rewire.autodiff.Activations;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.kernel.Kernels;
import rewire.nn.Init;
import rewire.nn.Linear;
import rewire.nn.SparseLinear;
import rewire.optim.Optim;
import rewire.recipe.Recipe;
import rewire.recipe.Recipes;
import rewire.sparse.Patterns;
import rewire.sparsity.FlopCounter;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.Evaluation;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.StepContext;
import rewire.train.StepResult;
import rewire.train.Trainer;
import rewire.train.Workload;

/**
 * A workload of two models with two optimizers and alternating updates, the shape of a critic and
 * an actor or of a GAN's two players: a dense "encoder" trained by SGD with momentum and a sparse
 * "head" trained by Adam and rewired by RigL. Each step updates the head on the current encoder,
 * then the encoder against the updated head. The task: 8 gaussian features whose largest among the
 * first 4 is the class.
 */
public class TwoPlayers implements Workload {
    static final int FEATURES = 8, HIDDEN = 16, CLASSES = 4, BATCH = 32;

    private final Linear encoder;
    private final SparseLinear head;
    private final ParamGroup encoderGroup;
    private final ParamGroup headGroup;
    private final Rng data;
    private final Tape evalTape = new Tape(Kernels.defaults());

    TwoPlayers(long seed, long steps) {
        Rng rng = new Rng(seed);
        encoder = Linear.create("encoder", FEATURES, HIDDEN, true, Init.kaimingNormal(), rng.fold(1));
        head = SparseLinear.create("head", Patterns.random(CLASSES, HIDDEN, 32, rng.fold(2)), true,
                Init.kaimingNormal(), SparseLinear.DEFAULT_CROSSOVER, rng.fold(3));
        Recipe rigl = Recipes.standard().create("rigl", new Recipes.Plan(steps, 10, 0.5),
                Map.of("deltaT", "5", "distribution", "uniform"));
        encoderGroup = ParamGroup.builder("encoder", encoder).optimizer(Optim.momentum(0.05, 0.9, false), null)
                .flopLayers(List.of(FlopCounter.Layer.dense("encoder.weight", FEATURES, HIDDEN))).build();
        headGroup = ParamGroup.builder("head", head).optimizer(Optim.adam(0.01, 0.9, 0.999, 1e-8), null)
                .recipe(rigl).sparseLayers(List.of(head))
                .flopLayers(List.of(FlopCounter.Layer.sparse("head.weight", HIDDEN, CLASSES, 32))).build();
        data = rng.fold(4);
    }

    @Override
    public String name() {
        return "two-players";
    }

    @Override
    public List<ParamGroup> groups() {
        return List.of(encoderGroup, headGroup);
    }

    @Override
    public long stepsPerEpoch() {
        return 10;
    }

    @Override
    public StepResult step(StepContext context) {
        Tensor x = Tensor.zeros(FEATURES, BATCH);                      // (features, B)
        int[] labels = fill(data.fold(context.step()), x);
        Var headLoss = loss(context.tape(), x, labels);
        context.backward(headLoss);
        context.update(headGroup);                                     // the head, on the current encoder
        context.clearTape();
        context.zeroGrad(encoderGroup);
        context.zeroGrad(headGroup);
        Var encoderLoss = loss(context.tape(), x, labels);
        context.backward(encoderLoss);
        context.update(encoderGroup);                                  // the encoder, against the new head
        return new StepResult(headLoss.item(), BATCH, Map.of("encoderLoss", (double) encoderLoss.item()));
    }

    // logits (classes, B) = head(relu(encoder(x))), softmax cross-entropy
    private Var loss(Tape tape, Tensor x, int[] labels) {
        Var h = Activations.relu(tape, encoder.forward(tape, Var.constant(x)));
        return Losses.softmaxCrossEntropy(tape, head.forward(tape, h), labels);
    }

    private static int[] fill(Rng rng, Tensor x) {
        int[] labels = new int[BATCH];
        for (int b = 0; b < BATCH; b++) {
            for (int f = 0; f < FEATURES; f++) {
                x.data()[f * BATCH + b] = (float) rng.nextGaussian();
            }
            for (int c = 1; c < CLASSES; c++) {
                labels[b] = x.data()[c * BATCH + b] > x.data()[labels[b] * BATCH + b] ? c : labels[b];
            }
        }
        return labels;
    }

    @Override
    public List<Score> scores() {
        return List.of(Score.loss("loss", "held-out loss"));
    }

    @Override
    public Evaluation evaluate(long stepsDone) {
        Tensor x = Tensor.zeros(FEATURES, BATCH);
        int[] labels = fill(new Rng(-1), x);
        evalTape.clear();
        double loss = loss(evalTape, x, labels).item();
        evalTape.clear();
        return Evaluation.builder("held-out batch", BATCH).put("loss", loss).build();
    }

    public static void main(String[] args) {
        long steps = 200;
        TwoPlayers w = new TwoPlayers(7, steps);
        double before = w.evaluate(0).get("loss");
        Evaluation after = Trainer.fit(w, steps, 7);
        System.out.printf("held-out loss %.3f -> %.3f; head density %.2f%n", before, after.get("loss"),
                w.headGroup.density());
    }
}

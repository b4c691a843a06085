package rewire.run;

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
import rewire.train.Workload;

/**
 * A two-group workload with alternating updates, the shape of a critic and an actor or of a GAN's
 * two players: an "encoder" (dense, SGD with momentum) and a sparse "head" (Adam, rewired by RigL
 * unless a recipe is given).
 * Each step updates the head on the loss of the current encoder, then recomputes the loss with the
 * updated head and updates the encoder. Data: 8 features whose argmax over 4 of them is the label.
 */
final class TwoGroupWorkload implements Workload {
    static final int FEATURES = 8;
    static final int HIDDEN = 16;
    static final int CLASSES = 4;
    static final int BATCH = 16;
    static final long STEPS_PER_EPOCH = 6;

    private final ParamGroup encoderGroup;
    private final ParamGroup headGroup;
    private final Linear encoder;
    private final SparseLinear head;
    private final Rng data;
    private final Tape evalTape = new Tape(Kernels.defaults());

    TwoGroupWorkload(long seed, long totalSteps) {
        this(seed, totalSteps, "rigl", Map.of("deltaT", "3", "distribution", "uniform"));
    }

    /** The head rewired by {@code recipe} with {@code options} at density 0.5 (its initial 32 of 64 connections). */
    TwoGroupWorkload(long seed, long totalSteps, String recipe, Map<String, String> options) {
        Rng rng = new Rng(seed);
        encoder = Linear.create("encoder", FEATURES, HIDDEN, true, Init.kaimingNormal(), rng.fold(1));
        head = SparseLinear.create("head", Patterns.random(CLASSES, HIDDEN, 32, rng.fold(2)), true,
                Init.kaimingNormal(), SparseLinear.DEFAULT_CROSSOVER, rng.fold(3));
        Recipe headRecipe = Recipes.standard().create(recipe, new Recipes.Plan(totalSteps, STEPS_PER_EPOCH, 0.5),
                options);
        encoderGroup = ParamGroup.builder("encoder", encoder).optimizer(Optim.momentum(0.05, 0.9, false), null)
                .flopLayers(List.of(FlopCounter.Layer.dense(encoder.weight().name(), FEATURES, HIDDEN)
                        .withoutInputGradient())).build();
        headGroup = ParamGroup.builder("head", head).optimizer(Optim.adam(0.01, 0.9, 0.999, 1e-8), null)
                .recipe(headRecipe).sparseLayers(List.of(head))
                .flopLayers(List.of(FlopCounter.Layer.sparse(head.weight().name(), HIDDEN, CLASSES, 32))).build();
        data = rng.fold(4);
    }

    ParamGroup encoder() {
        return encoderGroup;
    }

    ParamGroup head() {
        return headGroup;
    }

    @Override
    public String name() {
        return "two-groups";
    }

    @Override
    public List<ParamGroup> groups() {
        return List.of(encoderGroup, headGroup);
    }

    @Override
    public long stepsPerEpoch() {
        return STEPS_PER_EPOCH;
    }

    @Override
    public StepResult step(StepContext context) {
        Tensor x = Tensor.zeros(FEATURES, BATCH);                   // (features, B)
        int[] labels = batch(data.fold(context.step()), x);
        Var loss = loss(context.tape(), x, labels);
        context.backward(loss);
        context.update(headGroup);                                  // the head first, on the current encoder
        double headLoss = loss.item();
        context.clearTape();
        context.zeroGrad(headGroup);
        context.zeroGrad(encoderGroup);
        Var again = loss(context.tape(), x, labels);                // the encoder against the updated head
        context.backward(again);
        context.update(encoderGroup);
        return new StepResult(headLoss, BATCH, Map.of("encoderLoss", (double) again.item()));
    }

    // logits (classes, B) = head(relu(encoder(x)))
    private Var loss(Tape tape, Tensor x, int[] labels) {
        Var h = Activations.relu(tape, encoder.forward(tape, Var.constant(x)));
        return Losses.softmaxCrossEntropy(tape, head.forward(tape, h), labels);
    }

    // fills x with gaussian features; the label is the argmax of the first CLASSES of them
    private static int[] batch(Rng rng, Tensor x) {
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
        int[] labels = batch(new Rng(-1), x);
        evalTape.clear();
        double loss = loss(evalTape, x, labels).item();
        evalTape.clear();
        return Evaluation.builder("val", BATCH).put("loss", loss).build();
    }
}

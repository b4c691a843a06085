package rewire.run;

import java.util.List;
import java.util.Map;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.kernel.Kernels;
import rewire.nn.Activation;
import rewire.nn.Init;
import rewire.nn.Linear;
import rewire.nn.Sequential;
import rewire.nn.SparseLinear;
import rewire.optim.Optim;
import rewire.recipe.Recipes;
import rewire.sparse.Patterns;
import rewire.sparsity.FlopCounter;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.Evaluation;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.SupervisedWorkload;

/**
 * The smallest workload the run machinery needs for its tests: a dense layer {@code (16, 8)}, a
 * ReLU and a sparse layer {@code (4, 16)} of 32 connections rewired by RigL every 3 steps (or another
 * recipe), in one
 * group, learning which of 4 features is largest; 6 steps per epoch.
 */
final class TinyWorkload implements SupervisedWorkload {
    static final int IN = 8;
    static final int HIDDEN = 16;
    static final int CLASSES = 4;
    static final long STEPS_PER_EPOCH = 6;
    static final int BATCH = 8;

    private final Sequential model;
    private final ParamGroup group;
    private final Tape evalTape = new Tape(Kernels.defaults());

    TinyWorkload(long totalSteps) {
        this(totalSteps, "rigl", Map.of("deltaT", "3", "distribution", "uniform"));
    }

    /** The sparse layer rewired by {@code recipe} with {@code options}, at density 0.5 (32 of 64). */
    TinyWorkload(long totalSteps, String recipe, Map<String, String> options) {
        Rng rng = new Rng(7);
        Linear encoder = Linear.create("encoder", IN, HIDDEN, true, Init.kaimingNormal(), rng.fold(1));
        SparseLinear head = SparseLinear.create("head", Patterns.random(CLASSES, HIDDEN, 32, rng.fold(2)), true,
                Init.kaimingNormal(), SparseLinear.DEFAULT_CROSSOVER, rng.fold(3));
        model = new Sequential(encoder, Activation.relu(), head);
        group = ParamGroup.builder("model", model).optimizer(Optim.sgd(0.05), null)
                .recipe(Recipes.standard().create(recipe, new Recipes.Plan(totalSteps, STEPS_PER_EPOCH, 0.5), options))
                .sparseLayers(List.of(head))
                .flopLayers(List.of(FlopCounter.Layer.dense("encoder.weight", IN, HIDDEN),
                        FlopCounter.Layer.sparse("head.weight", HIDDEN, CLASSES, 32))).build();
    }

    @Override
    public ParamGroup group() {
        return group;
    }

    @Override
    public String name() {
        return "tiny";
    }

    @Override
    public long stepsPerEpoch() {
        return STEPS_PER_EPOCH;
    }

    // x (IN, B): example b is one-hot at feature (step + b) % CLASSES plus a little of its index
    private static Tensor batch(long step, int[] labels) {
        Tensor x = Tensor.zeros(IN, BATCH);
        for (int b = 0; b < BATCH; b++) {
            labels[b] = (int) Math.floorMod(step + b, CLASSES);
            x.data()[labels[b] * BATCH + b] = 1f;
            x.data()[(IN - 1) * BATCH + b] = 0.1f * b;
        }
        return x;
    }

    @Override
    public Loss loss(Tape tape, long step) {
        int[] labels = new int[BATCH];
        Var logits = model.forward(tape, Var.constant(batch(step, labels)));   // (CLASSES, B)
        return new Loss(Losses.softmaxCrossEntropy(tape, logits, labels), BATCH, Map.of());
    }

    @Override
    public List<Score> scores() {
        return List.of(Score.loss("loss", "held-out loss"));
    }

    @Override
    public Evaluation evaluate(long stepsDone) {
        evalTape.clear();
        double loss = loss(evalTape, -1).value().item();
        evalTape.clear();
        return Evaluation.builder("val", BATCH).put("loss", loss).build();
    }
}

package rewire.dist;

import java.util.List;
import java.util.Map;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.data.Batcher;
import rewire.data.Dataset;
import rewire.data.LastBatch;
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
import rewire.tensor.Shape;
import rewire.train.Evaluation;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.SupervisedWorkload;

/**
 * The smallest labelled workload data-parallel tests need, in rewire-train's test jar for the
 * engines' tests: 192 examples of 8 features in 4 classes (the class is the largest of the first
 * four features, with noise), batches of 16 shuffled per epoch (12 steps), a dense layer
 * {@code (16, 8)}, a ReLU and a sparse layer {@code (4, 16)} of 32 connections rewired by RigL
 * every 5 steps, trained by SGD with momentum; the shards' batches come from
 * {@link ShardedBatches}. Built from a "configuration" that is just its recipe's name, so
 * {@link #replicas} is a serializable factory as a real run's is.
 */
public final class TinyClassifier implements SupervisedWorkload, Shardable {
    public static final int BATCH = 16;
    private static final int FEATURES = 8;
    private static final int HIDDEN = 16;
    private static final int CLASSES = 4;
    private static final int EXAMPLES = 192;

    private final Sequential model;
    private final ParamGroup group;
    private final ShardedBatches shards;
    private final Dataset data;
    private final Tape evalTape = new Tape(Kernels.defaults());

    /** RigL (every 5 steps) over a plan of {@code plannedSteps}, or {@code recipe} ("static" for none). */
    public TinyClassifier(String recipe, long plannedSteps) {
        Rng rng = new Rng(11);
        data = dataset(rng.fold(4));
        Linear encoder = Linear.create("encoder", FEATURES, HIDDEN, true, Init.kaimingNormal(), rng.fold(1));
        SparseLinear head = SparseLinear.create("head", Patterns.random(CLASSES, HIDDEN, 32, rng.fold(2)), true,
                Init.kaimingNormal(), SparseLinear.DEFAULT_CROSSOVER, rng.fold(3));
        model = new Sequential(encoder, Activation.relu(), head);
        Map<String, String> options = recipe.equals("static") ? Map.of() : Map.of("deltaT", "5",
                "distribution", "uniform");
        group = ParamGroup.builder("model", model).optimizer(Optim.chain(Optim.addWeightDecay(1e-4),
                        Optim.momentum(0.05, 0.9, false)), null)
                .recipe(Recipes.standard().create(recipe, new Recipes.Plan(plannedSteps, 12, 0.5), options))
                .sparseLayers(List.of(head))
                .flopLayers(List.of(FlopCounter.Layer.dense("encoder.weight", FEATURES, HIDDEN),
                        FlopCounter.Layer.sparse("head.weight", HIDDEN, CLASSES, 32))).build();
        shards = new ShardedBatches(Batcher.shuffled(data, BATCH, LastBatch.DROP, rng.fold(5)), rng.fold(6));
    }

    /** A replica factory whose "configuration" is the recipe's name, for a run of {@code plannedSteps}. */
    public static ReplicaFactory replicas(String recipe, long plannedSteps) {
        return new ReplicaFactory(recipe + " " + plannedSteps, TinyClassifier::fromConfig);
    }

    private static Shardable fromConfig(String config, Kernels kernels) {
        String[] f = config.split(" ");
        return new TinyClassifier(f[0], Long.parseLong(f[1]));
    }

    private static Dataset dataset(Rng rng) {
        float[] x = new float[EXAMPLES * FEATURES];
        int[] labels = new int[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            for (int f = 0; f < FEATURES; f++) {
                x[i * FEATURES + f] = (float) rng.nextGaussian();
            }
            labels[i] = i % CLASSES;
            x[i * FEATURES + labels[i]] += 2.5f;
        }
        return Dataset.of("tiny", Shape.of(FEATURES), x, labels, CLASSES);
    }

    @Override
    public ParamGroup group() {
        return group;
    }

    @Override
    public String name() {
        return "tiny-classifier";
    }

    @Override
    public long stepsPerEpoch() {
        return shards.stepsPerEpoch();
    }

    @Override
    public void restrictTo(Shard shard) {
        shards.restrictTo(shard);
    }

    @Override
    public Loss loss(Tape tape, long step) {
        ShardedBatches.Examples batch = shards.batch(step);
        Var logits = model.forward(tape, Var.constant(batch.x()));   // (CLASSES, b)
        return new Loss(Losses.softmaxCrossEntropy(tape, logits, batch.labels()), batch.labels().length, Map.of());
    }

    @Override
    public List<Score> scores() {
        return List.of(Score.loss("loss", "training-set loss"));
    }

    @Override
    public Evaluation evaluate(long stepsDone) {
        evalTape.clear();
        Batcher all = Batcher.inOrder(data, EXAMPLES, LastBatch.KEEP);
        var batch = all.batch(0, 0);
        double loss = Losses.softmaxCrossEntropy(evalTape, model.forward(evalTape, Var.constant(batch.x())),
                batch.labels()).item();
        evalTape.clear();
        return Evaluation.builder("train", EXAMPLES).put("loss", loss).build();
    }
}

package rewire.models.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.data.Batch;
import rewire.data.Batcher;
import rewire.data.Dataset;
import rewire.data.LastBatch;
import rewire.data.Standardization;
import rewire.dist.Shard;
import rewire.dist.Shardable;
import rewire.dist.ShardedBatches;
import rewire.io.Checkpoint;
import rewire.io.ReferenceBatch;
import rewire.io.TorchLayout;
import rewire.io.onnx.OnnxGraph;
import rewire.kernel.Kernels;
import rewire.nn.Buffer;
import rewire.nn.Layer;
import rewire.nn.SparseLinear;
import rewire.optim.Schedule;
import rewire.optim.Transform;
import rewire.recipe.Recipe;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.Evaluation;
import rewire.train.Exportable;
import rewire.train.FlopCounter;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.SupervisedWorkload;

/**
 * Supervised classification with softmax cross-entropy: shuffled training batches (the batch of
 * step {@code t} is batch {@code t mod n} of epoch {@code t / n}, shuffled from the seed and the
 * epoch, so a resumed run sees the same data), accuracy by arg-max, evaluation on the test split.
 * One parameter group, "model". Exportable as the equivalent PyTorch module ({@link ClassifierExport}).
 */
public final class ClassificationWorkload implements SupervisedWorkload, Shardable, Exportable {
    private static final String BUFFERS = "classify/buffer/";
    private static final List<Score> SCORES = List.of(Score.accuracy("accuracy", "test accuracy"),
            Score.loss("loss", "test loss"));

    private final String name;
    private final Architecture.Built model;
    private final ParamGroup group;
    private final Batcher train;
    private final Batcher test;
    private final int[] inputImage;
    private final Tape evalTape;
    private final ShardedBatches shards;
    private final Standardization inputs;
    private final Kernels kernels;
    private final FlopCounter activationFlops = new FlopCounter();

    /**
     * @param optimizer the update rule and its learning rate per step (for logs, or null)
     * @param recipe    the DST recipe of the sparse layers, or null for a fixed topology
     * @param inputs    the standardization that made {@code train} and {@code test} of the raw examples
     */
    ClassificationWorkload(String name, Architecture.Built model, Transform optimizer, Schedule learningRate,
                           Recipe recipe, Dataset train, Dataset test, Standardization inputs, int batchSize,
                           int evalBatch, Rng dataRng, int[] inputImage, Kernels kernels) {
        this.name = name;
        this.model = model;
        this.group = ParamGroup.builder("model", model.model()).optimizer(optimizer, learningRate).recipe(recipe)
                .sparseLayers(model.sparseLayers(), model.sparseKernelShapes()).flopLayers(model.flopLayers()).build();
        // with more than one thread the next batch is gathered in the background while a step trains
        Batcher shuffled = Batcher.shuffled(train, batchSize, LastBatch.DROP, dataRng);
        this.train = kernels.info().threads() > 1 ? shuffled.prefetching() : shuffled;
        this.test = Batcher.inOrder(test, evalBatch, LastBatch.KEEP);
        this.inputImage = inputImage;
        this.evalTape = new Tape(kernels);
        this.shards = new ShardedBatches(this.train, dataRng);
        this.inputs = inputs;
        this.kernels = kernels;
        if (this.train.batchesPerEpoch() == 0) {
            throw new IllegalArgumentException("the training set (" + train.size() + " examples) is smaller than one batch ("
                    + batchSize + ")");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ParamGroup group() {
        return group;
    }

    /** The network, {@code (784, B) -> (classes, B)} for the MLP. */
    public Layer model() {
        return model.model();
    }

    /**
     * The model as it is now, for inference on raw examples (standardized as the training data were).
     * It shares the weights: restore a checkpoint first, and do not train while it predicts.
     */
    public Classifier classifier() {
        Dataset data = train.dataset();
        return new Classifier(model.model(), inputs, data.exampleShape(), data.classes(), kernels);
    }

    @Override
    public long stepsPerEpoch() {
        return train.batchesPerEpoch();
    }

    /** Examples per training step. */
    public int batchSize() {
        return train.batchSize();
    }

    /** {@inheritDoc} Federated clients draw batches of their own examples ({@link ShardedBatches}). */
    @Override
    public void restrictTo(Shard part) {
        shards.restrictTo(part);
    }

    @Override
    public Loss loss(Tape tape, long step) {
        ShardedBatches.Examples batch = shards.batch(step);
        Tensor x = batch.x();                                        // (features, B)
        int[] labels = batch.labels();
        Var logits = model.model().forward(tape, Var.constant(x));  // (classes, B)
        Var loss = Losses.softmaxCrossEntropy(tape, logits, labels);
        long products = model.activationFlopsPerExample() * labels.length;
        activationFlops.add(products, products);
        double accuracy = (double) correct(logits.value(), labels) / labels.length;
        return new Loss(loss, labels.length, Map.of("accuracy", accuracy));
    }

    /** The ViT's attention products, forward and backward, of the steps since the last call; none for the MLP and CNN. */
    @Override
    public ActivationFlops takeActivationFlops() {
        return model.activationFlopsPerExample() == 0 ? null : activationFlops.takeActivation();
    }

    @Override
    public List<Score> scores() {
        return SCORES;
    }

    @Override
    public Evaluation evaluate(long stepsDone) {
        double lossSum = 0;
        long correct = 0;
        int seen = 0;
        for (Batch batch : test.epoch(0)) {
            evalTape.clear();
            Var logits = model.model().forward(evalTape, Var.constant(batch.x()));
            Var loss = Losses.softmaxCrossEntropy(evalTape, logits, batch.labels());
            lossSum += (double) loss.item() * batch.size();
            correct += correct(logits.value(), batch.labels());
            seen += batch.size();
        }
        evalTape.clear();
        return Evaluation.builder("test", seen).put("accuracy", (double) correct / seen).put("loss", lossSum / seen).build();
    }

    /** Saves the model's buffers (DynaDiag's frozen flags and temperatures), which decide what it computes. */
    @Override
    public void save(Checkpoint.Builder c) {
        for (Buffer b : model.model().buffers()) {
            c.putFloats(BUFFERS + b.name(), b.values());
        }
    }

    @Override
    public void restore(Checkpoint c) {
        for (Buffer b : model.model().buffers()) {
            float[] saved = c.floats(BUFFERS + b.name());
            if (saved.length != b.values().length) {
                throw new IllegalArgumentException(c.source() + ": buffer " + b.name() + " has " + saved.length
                        + " values, the model " + b.values().length);
            }
            System.arraycopy(saved, 0, b.values(), 0, saved.length);
        }
    }

    @Override
    public TorchLayout torchLayout(long stepsDone) {
        requireUngated();
        return model.export().torchLayout();
    }

    @Override
    public OnnxGraph onnxGraph(long stepsDone) {
        requireUngated();
        return model.export().onnxGraph(name);
    }

    // PyTorch and ONNX receive the weights as stored; a DynaDiag gate still scales them until its freeze
    private void requireUngated() {
        for (SparseLinear l : model.sparseLayers()) {
            if (l.diagonalGate() != null && !l.diagonalGate().isFrozen()) {
                throw new IllegalStateException(l.weight().name() + " is still behind DynaDiag's soft top-K gate, which "
                        + "export does not carry; export a checkpoint from after the freeze");
            }
        }
    }

    /** The first {@code examples} test examples (at most one evaluation batch) and their logits. */
    @Override
    public ReferenceBatch reference(int examples, long stepsDone) {
        Batch first = test.epoch(0).iterator().next();
        Tensor x = first.x().columns(0, Math.min(examples, first.size()));     // (features, B)
        evalTape.clear();
        Tensor logits = model.model().forward(evalTape, Var.constant(x)).value().copy();  // (classes, B)
        evalTape.clear();
        return model.export().reference(x, logits);
    }

    // arg-max of each column of logits (classes, B) against the labels
    static int correct(Tensor logits, int[] labels) {
        int correct = 0;
        for (int b = 0; b < labels.length; b++) {
            correct += Classifier.argmax(logits, b) == labels[b] ? 1 : 0;
        }
        return correct;
    }

    @Override
    public int[] inputImage() {
        return inputImage == null ? null : inputImage.clone();
    }
}

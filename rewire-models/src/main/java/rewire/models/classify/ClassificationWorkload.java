package rewire.models.classify;

import java.util.List;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.data.Batch;
import rewire.data.Batcher;
import rewire.data.Dataset;
import rewire.data.LastBatch;
import rewire.kernel.Kernels;
import rewire.nn.Module;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.Evaluation;
import rewire.train.StepOutput;
import rewire.train.Workload;

/**
 * Supervised classification with softmax cross-entropy: shuffled training batches (the batch of
 * step {@code t} is batch {@code t mod n} of epoch {@code t / n}, shuffled from the seed and the
 * epoch, so a resumed run sees the same data), accuracy by arg-max, evaluation on the test split.
 */
public final class ClassificationWorkload implements Workload {
    private final String name;
    private final Architecture.Built model;
    private final Batcher train;
    private final Batcher test;
    private final int[] inputImage;
    private final Tape evalTape;

    ClassificationWorkload(String name, Architecture.Built model, Dataset train, Dataset test, int batchSize,
                           int evalBatch, Rng dataRng, int[] inputImage, Kernels kernels) {
        this.name = name;
        this.model = model;
        // with more than one thread the next batch is gathered in the background while a step trains
        Batcher shuffled = Batcher.shuffled(train, batchSize, LastBatch.DROP, dataRng);
        this.train = kernels.info().threads() > 1 ? shuffled.prefetching() : shuffled;
        this.test = Batcher.inOrder(test, evalBatch, LastBatch.KEEP);
        this.inputImage = inputImage;
        this.evalTape = new Tape(kernels);
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
    public Module model() {
        return model.model();
    }

    @Override
    public long stepsPerEpoch() {
        return train.batchesPerEpoch();
    }

    @Override
    public int batchSize() {
        return train.batchSize();
    }

    @Override
    public StepOutput trainStep(Tape tape, long step) {
        long epoch = step / stepsPerEpoch();
        Batch batch = train.batch(epoch, (int) (step % stepsPerEpoch()));
        // logits : (classes, B)
        Var logits = model.model().forward(tape, Var.constant(batch.x()));
        Var loss = Losses.softmaxCrossEntropy(tape, logits, batch.labels());
        return new StepOutput(loss, correct(logits.value(), batch.labels()), batch.size());
    }

    @Override
    public Evaluation evaluate() {
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
        return new Evaluation("test", lossSum / seen, (double) correct / seen, seen);
    }

    // arg-max of each column of logits (classes, B) against the labels; ties go to the lower class
    static int correct(Tensor logits, int[] labels) {
        int classes = logits.rows();
        int batch = logits.cols();
        float[] z = logits.data();
        int correct = 0;
        for (int b = 0; b < batch; b++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (z[c * batch + b] > z[best * batch + b]) {
                    best = c;
                }
            }
            correct += best == labels[b] ? 1 : 0;
        }
        return correct;
    }

    @Override
    public List<SparseLinear> sparseLayers() {
        return model.sparseLayers();
    }

    @Override
    public int[] kernelShape(int i) {
        return model.sparseKernelShapes().get(i).clone();
    }

    @Override
    public int[] inputImage() {
        return inputImage == null ? null : inputImage.clone();
    }

    @Override
    public List<FlopCounter.Layer> flopLayers() {
        return model.flopLayers();
    }
}

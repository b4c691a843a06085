package rewire.models.classify;

import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.data.Batch;
import rewire.data.Batcher;
import rewire.data.Dataset;
import rewire.data.LastBatch;
import rewire.data.Standardization;
import rewire.kernel.Kernels;
import rewire.nn.Layer;
import rewire.tensor.Shape;
import rewire.tensor.Tensor;

/**
 * A trained classifier for inference: raw examples in, as the run's data files hold them (pixels
 * in [0, 1], CSV or NumPy features), class probabilities and the arg-max class out. It standardizes
 * with the statistics of the run's training set, runs the network in evaluation mode (no gradients
 * are kept) over the sparse weights as they are, and takes a softmax over each example's logits.
 *
 * <p>Get one from {@link ClassificationWorkload#classifier()} once a checkpoint is restored (the CLI's
 * {@code rewire predict} does this for a run folder). Not thread-safe: one forward tape is reused;
 * give each thread its own classifier.
 */
public final class Classifier {
    private final Layer model;
    private final Standardization inputs;
    private final Shape exampleShape;
    private final int classes;
    private final Tape tape;

    /**
     * @param inputs       the training set's standardization, applied to every raw example
     * @param exampleShape the shape of one example ({@code (channels, height, width)} or {@code (features)})
     */
    Classifier(Layer model, Standardization inputs, Shape exampleShape, int classes, Kernels kernels) {
        this.model = model;
        this.inputs = inputs;
        this.exampleShape = exampleShape;
        this.classes = classes;
        this.tape = new Tape(kernels);
        model.eval();
    }

    /** Features of one example. */
    public int features() {
        return exampleShape.size();
    }

    /** The shape one example must have. */
    public Shape exampleShape() {
        return exampleShape;
    }

    /** Classes scored. */
    public int classes() {
        return classes;
    }

    /**
     * Predicts every example of {@code examples} (raw, as read from a file), {@code batch} examples
     * per forward pass; their labels, if any, are ignored. Examples of another shape with as many
     * features (flat rows of an image's pixels, in row-major order) are read in the model's shape.
     *
     * @throws IllegalArgumentException when the examples hold another number of features
     */
    public Predictions predict(Dataset examples, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (examples.features() != features()) {
            throw new IllegalArgumentException(examples.name() + " holds examples of shape " + examples.exampleShape()
                    + " (" + examples.features() + " features); the model takes " + exampleShape + " ("
                    + features() + ")");
        }
        Dataset shaped = examples.reshaped(exampleShape);
        Dataset standardized = inputs.isIdentity() ? shaped : inputs.apply(shaped);
        float[] probabilities = new float[examples.size() * classes];
        int[] predicted = new int[examples.size()];
        int done = 0;
        for (Batch b : Batcher.inOrder(standardized, batch, LastBatch.KEEP).epoch(0)) {
            Tensor z = logits(b.x());
            softmaxInto(z, probabilities, done);
            for (int i = 0; i < b.size(); i++) {
                predicted[done + i] = argmax(z, i);
            }
            done += b.size();
        }
        return new Predictions(probabilities, predicted, classes);
    }

    /**
     * Predicts the {@code x.length / features()} raw examples of {@code x}, example-major
     * ({@code (n, features)}), in one forward pass: a serving call.
     */
    public Predictions predict(float[] x) {
        if (x.length == 0 || x.length % features() != 0) {
            throw new IllegalArgumentException("need a positive multiple of " + features() + " features, got " + x.length);
        }
        int n = x.length / features();
        return predict(Dataset.of("input", exampleShape, x, new int[n], 1), n);
    }

    // logits of standardized examples, (features, B) -> (classes, B); valid until the next forward pass
    private Tensor logits(Tensor x) {
        tape.clear();
        return model.forward(tape, Var.constant(x)).value();
    }

    /** The class of the largest logit in column {@code b} of {@code logits (classes, B)}; ties go to the lower class. */
    static int argmax(Tensor logits, int b) {
        int classes = logits.rows();
        int batch = logits.cols();
        float[] z = logits.data();
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (z[c * batch + b] > z[best * batch + b]) {
                best = c;
            }
        }
        return best;
    }

    // the softmax of each column of z (classes, B) into rows [first, first + B) of out (n, classes)
    private void softmaxInto(Tensor z, float[] out, int first) {
        int batch = z.cols();
        float[] v = z.data();
        for (int b = 0; b < batch; b++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, v[c * batch + b]);
            }
            double sum = 0;
            int row = (first + b) * classes;
            for (int c = 0; c < classes; c++) {
                float e = (float) Math.exp(v[c * batch + b] - max);
                out[row + c] = e;
                sum += e;
            }
            for (int c = 0; c < classes; c++) {
                out[row + c] = (float) (out[row + c] / sum);
            }
        }
    }
}

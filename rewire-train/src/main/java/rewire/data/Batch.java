package rewire.data;

import rewire.tensor.Tensor;

/**
 * One mini-batch of {@code B} examples: the features <em>feature-major</em>, a tensor of shape
 * {@code (features, B)} whose row {@code f} holds feature {@code f} of every example, contiguous
 * over the batch (the layout of the project's activations), and the {@code B} labels.
 *
 * <p>A batch belongs to its {@link Batcher}, which refills the same arrays for the next batch:
 * use it before asking for the next one, and copy what must outlive it.
 */
public final class Batch {
    private final Tensor x;
    private final int[] labels;
    private final int[] indices;
    // Pixel rows of one tile of examples, four pixels to a word, copied before they are
    // transposed (Dataset.transposeInto).
    private final int[] words;

    Batch(int features, int size) {
        this.x = Tensor.zeros(features, size);
        this.labels = new int[size];
        this.indices = new int[size];
        this.words = new int[Pixels.TILE * ((features + 3) / 4)];
    }

    /** The features, shape {@code (features, B)}, feature-major. */
    public Tensor x() {
        return x;
    }

    /** Number of examples B. */
    public int size() {
        return labels.length;
    }

    /** Label of the example in column {@code b}. */
    public int label(int b) {
        return labels[b];
    }

    /** The labels by column; the array is the batch's own and is refilled with the next batch. */
    public int[] labels() {
        return labels;
    }

    /** Index in the dataset of the example in column {@code b}. */
    public int index(int b) {
        return indices[b];
    }

    /**
     * Fills this batch with the examples {@code order[from .. from + B)} of {@code data}
     * ({@link Dataset#transposeInto}).
     */
    void fill(Dataset data, int[] order, int from) {
        int size = size();
        for (int b = 0; b < size; b++) {
            indices[b] = order[from + b];
            labels[b] = data.label(indices[b]);
        }
        data.transposeInto(indices, x.data(), words);
    }
}

package rewire.models.classify;

/**
 * What a {@link Classifier} says of {@code n} examples: each class's probability, example-major
 * ({@code (n, classes)}), and the class of the largest logit (ties go to the lower class, as the
 * run's accuracy counts them).
 */
public final class Predictions {
    private final float[] probabilities;
    private final int[] predicted;
    private final int classes;

    Predictions(float[] probabilities, int[] predicted, int classes) {
        this.probabilities = probabilities;
        this.predicted = predicted;
        this.classes = classes;
    }

    /** Examples predicted. */
    public int size() {
        return predicted.length;
    }

    /** Classes scored per example. */
    public int classes() {
        return classes;
    }

    /** The probability that example {@code i} is of class {@code c}. */
    public float probability(int i, int c) {
        return probabilities[i * classes + c];
    }

    /** The predicted class of example {@code i}. */
    public int predicted(int i) {
        return predicted[i];
    }

    /** The fraction of examples whose predicted class is their label in {@code labels}. */
    public double accuracy(int[] labels) {
        if (labels.length != size()) {
            throw new IllegalArgumentException(labels.length + " labels for " + size() + " predictions");
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted(i) == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }
}

import rewire.data.Batch;
import rewire.data.Batcher;
import rewire.data.Dataset;
import rewire.data.LastBatch;
import rewire.data.Split;
import rewire.data.Standardization;
import rewire.models.classify.Classification;
import rewire.models.classify.ClassificationWorkload;
import rewire.optim.Optim;
import rewire.tensor.Rng;
import rewire.tensor.Shape;
import rewire.train.Evaluation;
import rewire.train.Trainer;

public class OwnData {
    public static void main(String[] args) {
        // Points on three rings around the origin; the label is the ring. Standardized with the
        // training set's mean and standard deviation per feature.
        Split data = new Split(rings("rings/train", 900, new Rng(1)), rings("rings/test", 300, new Rng(2)))
                .standardized(Standardization.Mode.PER_FEATURE);

        // A Batcher cuts a dataset into batches: feature-major x (features, B), labels by column.
        Batcher batcher = Batcher.shuffled(data.train(), 30, LastBatch.DROP, new Rng(3));
        Batch batch = batcher.batch(0, 0);
        System.out.printf("%d batches per epoch; x %s, example %d has label %d%n", batcher.batchesPerEpoch(),
                batch.x().shape(), batch.index(0), batch.label(0));

        // A dense MLP 2-64-64-3 trained by Adam for 30 epochs (the workload makes its own Batcher).
        ClassificationWorkload mlp = Classification.mlp(data, 30, null, Optim.adam(0.01, 0.9, 0.999, 1e-8),
                new Rng(4), 64, 64);
        Evaluation test = Trainer.fit(mlp, 30 * 30, 5);
        System.out.printf("test accuracy %.2f%%%n", 100 * test.get("accuracy"));
    }

    // n points (x, y), example-major: example i is x[2i], x[2i + 1]; ring i % 3 has radius 1, 2 or 3
    static Dataset rings(String name, int n, Rng rng) {
        float[] x = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            double radius = 1 + labels[i] + 0.3 * (rng.nextDouble() - 0.5);
            double angle = 2 * Math.PI * rng.nextDouble();
            x[2 * i] = (float) (radius * Math.cos(angle));
            x[2 * i + 1] = (float) (radius * Math.sin(angle));
        }
        return Dataset.of(name, Shape.of(2), x, labels, 3);
    }
}

package rewire.dist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.nn.SparseLinear;
import rewire.tensor.Tensor;
import rewire.train.StepResult;

/**
 * Combines what the shards returned, in shard order so the sums are reproducible. A lone shard's
 * numbers pass through untouched (no sum, no division), so a one-shard run keeps the bits of a
 * single process.
 */
final class ShardMeans {
    private ShardMeans() {
    }

    /** The element-wise mean of {@code arrays} (equal lengths). */
    static float[] mean(List<float[]> arrays) {
        float[] out = arrays.get(0).clone();
        if (arrays.size() == 1) {
            return out;
        }
        for (int s = 1; s < arrays.size(); s++) {
            float[] a = arrays.get(s);
            if (a.length != out.length) {
                throw new IllegalStateException("shards returned arrays of " + out.length + " and " + a.length + " values");
            }
            for (int i = 0; i < out.length; i++) {
                out[i] += a[i];
            }
        }
        float n = arrays.size();
        for (int i = 0; i < out.length; i++) {
            out[i] /= n;
        }
        return out;
    }

    /**
     * The step of the whole batch from its shards' steps: the mean loss, the summed samples and
     * examples, the sample-weighted means of the metrics.
     */
    static StepResult step(List<StepResult> shards) {
        if (shards.size() == 1) {
            return shards.get(0);
        }
        double loss = 0;
        long samples = 0;
        long examples = 0;
        Map<String, Double> weighted = new LinkedHashMap<>();
        for (StepResult r : shards) {
            loss += r.loss();
            samples += r.samples();
            examples += r.examples();
            r.metrics().forEach((k, v) -> weighted.merge(k, v * r.samples(), Double::sum));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        long total = samples;
        weighted.forEach((k, v) -> metrics.put(k, total == 0 ? Double.NaN : v / total));
        return new StepResult(loss / shards.size(), samples, examples, metrics);
    }

    /**
     * One layer's batch over the whole global batch: the shards' inputs side by side, and their
     * output gradients side by side scaled by {@code 1 / shards} (each shard's loss is a mean over
     * its own part, the whole batch's a mean over all).
     */
    static SparseLinear.LastBatch batch(List<SparseLinear.LastBatch> shards) {
        if (shards.size() == 1) {
            return shards.get(0);
        }
        List<Tensor> inputs = new ArrayList<>();
        List<Tensor> grads = new ArrayList<>();
        for (SparseLinear.LastBatch b : shards) {
            inputs.add(b.input());
            grads.add(b.outputGrad());
        }
        Tensor dy = Tensor.concatColumns(grads);
        float scale = 1f / shards.size();
        float[] d = dy.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= scale;
        }
        return new SparseLinear.LastBatch(Tensor.concatColumns(inputs), dy);
    }
}

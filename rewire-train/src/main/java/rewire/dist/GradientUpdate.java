package rewire.dist;

import java.util.Map;
import rewire.nn.SparseLinear;
import rewire.train.StepResult;

/**
 * What one shard returns for a step whose update the driver applies itself (a topology update
 * step): the gradient of every parameter on the shard's part of the batch, and the batch each
 * sparse layer saw ({@code x} and {@code dy}), from which gradient-based growth scores the dense
 * gradient of the whole batch.
 *
 * @param shard     the shard
 * @param step      what the step reported
 * @param gradients each parameter's gradient by name
 * @param batches   each sparse layer's batch by its weight's name
 */
public record GradientUpdate(Shard shard, StepResult step, Map<String, float[]> gradients,
                             Map<String, SparseLinear.LastBatch> batches) {

    public GradientUpdate {
        gradients = Map.copyOf(gradients);
        batches = Map.copyOf(batches);
    }
}

package rewire.models.classify;

import rewire.dist.DistSettings;
import rewire.run.LoopSettings;
import rewire.train.OptimSettings;
import rewire.train.SparsitySettings;

/**
 * The configuration of a classification run ({@code workload: classify}), as read from a YAML or
 * properties file plus {@code key=value} overrides. Every section has defaults: the default run is
 * the MLP 784-1000-1000-1000-10 on Fashion-MNIST trained with RigL at 90% sparsity (ERK) by SGD
 * with momentum for 3 epochs.
 *
 * @param workload {@code classify}
 * @param name     the run's name, the start of its folder's name: letters, digits, '.', '_' or '-'
 * @param seed     the seed of every random draw of the run (data order, initialization, topology)
 * @param model    the model section
 * @param data     the data section
 * @param train    the training loop section
 * @param optim    the optimizer section
 * @param sparsity the sparsity section
 * @param dist     the data-parallel section: engine, shards, local steps, compression, federated clients
 */
public record ClassifyConfig(String workload, String name, long seed, ModelSettings model, DataSettings data,
                             LoopSettings train, OptimSettings optim, SparsitySettings sparsity, DistSettings dist) {

    public static final String WORKLOAD = "classify";

    public ClassifyConfig {
        if (!workload.equals(WORKLOAD)) {
            throw new IllegalArgumentException("workload must be '" + WORKLOAD + "' for a classification run, got '"
                    + workload + "'");
        }
        if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (dist.isDistributed() && data.batchSize() % dist.partitions() != 0) {
            throw new IllegalArgumentException("data.batchSize " + data.batchSize() + " does not split into dist.partitions "
                    + dist.partitions() + " equal shards: make the batch a multiple of the partitions");
        }
    }

    public static ClassifyConfig defaults() {
        return new ClassifyConfig(WORKLOAD, "rigl-mlp", 42, ModelSettings.defaults(), DataSettings.defaults(),
                LoopSettings.defaults(), OptimSettings.defaults(), SparsitySettings.defaults(), DistSettings.defaults());
    }
}

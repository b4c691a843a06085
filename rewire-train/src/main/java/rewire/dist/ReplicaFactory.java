package rewire.dist;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import rewire.kernel.Kernels;

/**
 * Builds a replica of a run's workload wherever a shard trains: the run's resolved configuration
 * (YAML, the seed included) and the workload's builder, which rebuilds the model, data and data
 * order from it. Serializable, so a cluster engine ships it to its executors; every workload that
 * implements {@link Shardable} and has a builder trains on any engine without engine code of its
 * own.
 *
 * @param configYaml the run's resolved configuration, as written to config.yaml
 * @param builder    the workload's builder (a serializable static method reference)
 */
public record ReplicaFactory(String configYaml, Builder builder) implements Serializable {

    /** Builds a workload from its resolved configuration. */
    @FunctionalInterface
    public interface Builder extends Serializable {
        /** The workload {@code configYaml} describes, computing with {@code kernels}. */
        Shardable build(String configYaml, Kernels kernels) throws IOException;
    }

    /** A replica: same configuration, same seed, so the same batches as the driver at every step. */
    public Shardable build(Kernels kernels) {
        try {
            return builder.build(configYaml, kernels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a replica of the run (its data could not be read where the "
                    + "shard runs): " + e.getMessage(), e);
        }
    }
}

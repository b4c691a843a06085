package rewire.dist;

import java.util.Locale;

/**
 * The {@code dist} section of a run's configuration: whether the run trains data-parallel, on
 * which engine, and how the shards' updates travel. With {@code engine: none} (the default) a run
 * trains in one process and the other keys are not used.
 *
 * @param engine         where the shards run: {@code none} (one process), {@code local} (threads of
 *                       this JVM), {@code spark} (Apache Spark; needs rewire-spark on the class path)
 * @param master         the Spark master URL ({@code local[2]}, {@code spark://host:7077}); empty takes
 *                       the one spark-submit gave ({@code spark.master}), or {@code local[N]} with N the
 *                       partitions when there is none
 * @param partitions     shards of the model's data: each global batch splits into this many parts, or,
 *                       with a client split, this many federated clients
 * @param localSteps     most optimizer steps each shard takes between two averagings (a round); 1 is
 *                       synchronous large-batch training, more is local SGD (FedAvg's local epochs)
 * @param compression    how each shard's update is compressed before it is sent: {@code none} (its
 *                       values, exact), {@code topk} (the {@code ratio} largest changes), {@code randomk}
 *                       (a seeded random {@code ratio} of the changes), {@code int8} (8-bit quantisation)
 * @param ratio          the fraction of each array's changes that topk and randomk send
 * @param errorFeedback  whether what compression leaves out of a parameter's change is kept per shard
 *                       and added to the next round's change (error feedback; optimizer slots keep
 *                       none, as the next round recomputes their change); checkpointed with the run
 * @param split          which examples a shard trains on: {@code batch} (part s of every global batch),
 *                       {@code iid} (client s owns a random 1/partitions of the training set),
 *                       {@code dirichlet} (client s owns label proportions drawn from Dirichlet(alpha))
 * @param alpha          the Dirichlet concentration of {@code split: dirichlet}; small is non-IID
 * @param clientFraction the fraction of clients that train in each round (federated client sampling);
 *                       below 1 needs a client split
 */
public record DistSettings(Engine engine, String master, int partitions, int localSteps, Compression.Method compression,
                           double ratio, boolean errorFeedback, ClientSplit.Sharding split, double alpha,
                           double clientFraction) {

    /** Where a run's shards train ({@code dist.engine}). */
    public enum Engine {
        /** One process, no shards. */
        NONE,
        /** Threads of the driver's JVM, one per shard. */
        LOCAL,
        /** Tasks of an Apache Spark application, one partition per shard. */
        SPARK;

        /** How a configuration spells it. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DistSettings {
        if (engine == null || compression == null || split == null || master == null) {
            throw new IllegalArgumentException("dist: engine, master, compression and split must be set");
        }
        if (partitions < 1 || localSteps < 1) {
            throw new IllegalArgumentException("dist: need partitions >= 1 and localSteps >= 1, got " + partitions + " and "
                    + localSteps);
        }
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("dist.ratio must be in (0, 1], got " + ratio);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("dist.alpha must be a positive number, got " + alpha);
        }
        if (!(clientFraction > 0 && clientFraction <= 1)) {
            throw new IllegalArgumentException("dist.clientFraction must be in (0, 1], got " + clientFraction);
        }
        if (clientFraction < 1 && split == ClientSplit.Sharding.BATCH) {
            throw new IllegalArgumentException("dist.clientFraction " + clientFraction + " samples federated clients: "
                    + "it needs dist.split=iid or dist.split=dirichlet (with split=batch every shard holds part of "
                    + "every batch, and leaving one out drops examples)");
        }
    }

    /** One process: no data parallelism. */
    public static DistSettings defaults() {
        return new DistSettings(Engine.NONE, "", 2, 1, Compression.Method.NONE, 0.01, true, ClientSplit.Sharding.BATCH,
                0.1, 1.0);
    }

    /** Whether the run trains data-parallel. */
    public boolean isDistributed() {
        return engine != Engine.NONE;
    }

    /** How updates are compressed. */
    public Compression compressionOf() {
        return new Compression(compression, ratio, errorFeedback);
    }

    /** How the shards' examples are chosen. */
    public ClientSplit clientSplit() {
        return new ClientSplit(split, alpha);
    }

    /** The Spark master to use when the launcher gave none: {@code master}, or {@code local[partitions]}. */
    public String masterOr(String launcherMaster) {
        if (!master.isEmpty()) {
            return master;
        }
        return launcherMaster != null && !launcherMaster.isEmpty() ? launcherMaster : "local[" + partitions + "]";
    }
}

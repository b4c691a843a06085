/**
 * The Apache Spark engine of data-parallel and federated training ({@code dist.engine: spark}):
 * {@link rewire.spark.SparkEngine}, found by rewire-train through
 * {@code META-INF/services/rewire.dist.DataParallelEngine}, runs each shard's round as a partition's
 * task on a replica built on the executor from the run's configuration. Nothing here is specific to
 * a workload or a recipe: the rounds, their messages and their compression are rewire.dist's.
 *
 * <p>May import rewire-train, rewire-dst and rewire-core, and Spark; nothing imports it (the
 * engine is found at run time).
 */
package rewire.spark;

package rewire.spark;

import java.util.UUID;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import rewire.dist.DataParallel;
import rewire.dist.DataParallelEngine;
import rewire.dist.DistSettings;
import rewire.dist.ReplicaFactory;
import rewire.kernel.Kernels;

/**
 * {@code dist.engine: spark}: the shards of a data-parallel run as the partitions of an Apache
 * Spark application. Uses the JVM's active {@code SparkContext} when there is one (an application
 * that made its own, a test class), and otherwise starts one from {@code dist.master} (or the
 * master spark-submit gave) and stops it when the run ends. A local master binds to 127.0.0.1 and
 * runs without the web UI: a laptop run opens no port to the network.
 */
public final class SparkEngine implements DataParallelEngine {
    private static final String APP_NAME = "rewire";
    // marks a context this engine started, which the run then stops
    private static final String STARTED_BY = "spark.rewire.startedBy";

    @Override
    public DistSettings.Engine engine() {
        return DistSettings.Engine.SPARK;
    }

    @Override
    public DataParallel open(DistSettings settings, ReplicaFactory replicas, Kernels kernels) {
        String tag = UUID.randomUUID().toString();
        SparkContext context = SparkContext.getOrCreate(conf(settings).set(STARTED_BY, tag));
        boolean started = tag.equals(context.getConf().get(STARTED_BY, ""));
        return new SparkDataParallel(JavaSparkContext.fromSparkContext(context), started, settings.partitions(),
                replicas);
    }

    /** The configuration of a context for {@code settings}: spark-submit's properties, then the master. */
    static SparkConf conf(DistSettings settings) {
        SparkConf conf = new SparkConf();
        String master = settings.masterOr(conf.get("spark.master", ""));
        conf.setMaster(master).setAppName(conf.get("spark.app.name", APP_NAME));
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false");
        }
        return conf;
    }
}

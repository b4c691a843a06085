package rewire.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import rewire.kernel.Kernels;

/**
 * An engine that runs the shards of a data-parallel run ({@code dist.engine}), found through
 * {@link ServiceLoader}: {@code local} (threads, in rewire-train) and {@code spark} (Apache Spark,
 * in rewire-spark), so this module never sees a cluster library. An engine registers itself in
 * {@code META-INF/services/rewire.dist.DataParallelEngine}.
 */
public interface DataParallelEngine {

    /** The {@code dist.engine} value this engine serves. */
    DistSettings.Engine engine();

    /**
     * Opens a backend of {@code settings.partitions()} shards whose replicas {@code replicas}
     * builds; the caller closes it.
     */
    DataParallel open(DistSettings settings, ReplicaFactory replicas, Kernels kernels);

    /**
     * The engine {@code settings.engine()} names, from the class path.
     *
     * @throws IllegalArgumentException naming {@code dist.engine} and the module to add when no
     *     engine on the class path serves it
     */
    static DataParallelEngine find(DistSettings.Engine engine) {
        List<String> found = new ArrayList<>();
        for (ServiceLoader.Provider<DataParallelEngine> provider : ServiceLoader.load(DataParallelEngine.class).stream()
                .toList()) {
            DataParallelEngine e;
            try {
                e = provider.get();
            } catch (ServiceConfigurationError | LinkageError broken) {
                found.add(provider.type().getName() + " (cannot load: " + broken + ")");
                continue;
            }
            if (e.engine() == engine) {
                return e;
            }
            found.add(e.engine().spelling());
        }
        throw new IllegalArgumentException("dist.engine=" + engine.spelling() + ": no such engine on the class path"
                + " (found: " + (found.isEmpty() ? "none" : String.join(", ", found)) + "); add the module rewire-"
                + engine.spelling() + " (dev.rewire:rewire-" + engine.spelling() + ") to the class path, as the "
                + "rewire command and the spark-submit jar do, or set dist.engine=local");
    }
}

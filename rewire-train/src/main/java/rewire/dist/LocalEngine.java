package rewire.dist;

import rewire.kernel.Kernels;

/** {@code dist.engine: local}: the shards on threads of this JVM ({@link LocalDataParallel}). */
public final class LocalEngine implements DataParallelEngine {

    @Override
    public DistSettings.Engine engine() {
        return DistSettings.Engine.LOCAL;
    }

    @Override
    public DataParallel open(DistSettings settings, ReplicaFactory replicas, Kernels kernels) {
        return new LocalDataParallel(settings.partitions(), () -> replicas.build(kernels), kernels);
    }
}

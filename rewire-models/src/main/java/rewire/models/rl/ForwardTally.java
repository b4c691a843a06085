package rewire.models.rl;

import rewire.train.Workload;

/**
 * The FLOPs of forward passes outside the groups' trained losses (acting, target networks, the
 * critic inside the actor's loss), counted as they happen with each network's current topology,
 * beside the same passes through the dense twin.
 */
final class ForwardTally {
    private long sparse;
    private long dense;

    /** {@code passes} forward-equivalents of {@code columns} columns through {@code network}. */
    void add(Mlp network, long columns, int passes) {
        sparse = Math.addExact(sparse, columns * passes * network.forwardFlops(false));
        dense = Math.addExact(dense, columns * passes * network.forwardFlops(true));
    }

    /** {@code passes} forward-equivalents of {@code columns} columns through every network of {@code module}. */
    void add(AgentModule module, long columns, int passes) {
        module.networks().forEach(n -> add(n, columns, passes));
    }

    /** What was counted since the last call, and starts over. */
    Workload.ForwardFlops take() {
        Workload.ForwardFlops out = new Workload.ForwardFlops(sparse, dense);
        sparse = 0;
        dense = 0;
        return out;
    }

    /** Counted so far and not taken: {@code [sparse, dense]}, for checkpoints. */
    long[] pending() {
        return new long[] {sparse, dense};
    }

    void restore(long[] pending) {
        sparse = pending[0];
        dense = pending[1];
    }
}

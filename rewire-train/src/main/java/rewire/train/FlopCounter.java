package rewire.train;

/**
 * FLOPs a workload counts as its own passes happen (forward passes outside the trained losses, or
 * products between activations), as computed and in the dense twin, until the FLOP hook takes them
 * after the step ({@link Workload#takeForwardOnlyFlops}, {@link Workload#takeActivationFlops}).
 * Why a class: each such workload kept the same two counters and zeroed them on every take.
 */
public final class FlopCounter {
    private long actual;
    private long dense;

    /** Adds the FLOPs of a pass as computed and those of the same pass through the dense twin. */
    public void add(long actual, long dense) {
        this.actual += actual;
        this.dense += dense;
    }

    /** What was counted since the last take, as forward-only FLOPs; the count starts over. */
    public Workload.ForwardFlops takeForward() {
        Workload.ForwardFlops taken = new Workload.ForwardFlops(actual, dense);
        reset();
        return taken;
    }

    /** What was counted since the last take, as products between activations; the count starts over. */
    public Workload.ActivationFlops takeActivation() {
        Workload.ActivationFlops taken = new Workload.ActivationFlops(actual, dense);
        reset();
        return taken;
    }

    private void reset() {
        actual = 0;
        dense = 0;
    }
}

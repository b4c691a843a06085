package rewire.sparsity;

/**
 * A number the workload measures while training runs and a {@link DensityControl} reads at its
 * update steps: ADAPT's balance ratio of a GAN, averaged over its recent records. The workload
 * owns the measurement and its history (and checkpoints them); the controller only reads the
 * current value.
 */
@FunctionalInterface
public interface ControlSignal {

    /** The current value, or NaN while there is not enough history to act on. */
    double value();
}

package rewire.prune;

import java.util.List;
import rewire.tensor.Rng;

/**
 * A model one-shot pruning can prune: its prunable weight matrices, and forward passes over
 * calibration data that make their layers show their inputs.
 *
 * <p>Call order: {@link #pruneTargets()} once; then, per stage, the driver watches the stage's
 * targets, calls {@link #calibrate} and prunes them.
 */
public interface PrunableModel {

    /** The prunable weights in model order, each with its stage (stages counted from 0). */
    List<PruneTarget> pruneTargets();

    /**
     * Runs the model forward, in evaluation mode and without gradients, over {@code sequences}
     * examples of its training data drawn from {@code rng}: the same generator state gives the
     * same examples.
     */
    void calibrate(int sequences, Rng rng);
}

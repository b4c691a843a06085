package rewire.train;

import java.util.List;
import java.util.Map;
import rewire.io.Checkpoint;
import rewire.nn.Param;

/**
 * What a {@link Trainer} trains: one or more {@link ParamGroup}s, the data, and a step that
 * computes losses and applies the groups' updates in whatever order the algorithm needs.
 *
 * <p>Call order: the trainer calls {@link #step} once per training step with a fresh
 * {@link StepContext} (tape cleared, every group's gradient zeroed, modules in training mode);
 * the step records its losses, calls {@link StepContext#backward} and {@link StepContext#update}
 * per group, and returns what it did. {@link #evaluate} may be called between steps (modules in
 * evaluation mode). The data of step {@code t} must be a pure function of {@code t}, the seed and
 * the state saved by {@link #save}, so a resumed run sees exactly the data an uninterrupted one
 * would.
 *
 * <p>One-loss, one-group workloads implement {@link SupervisedWorkload}, whose step is the usual
 * three lines.
 */
public interface Workload {

    /** A short name for logs and reports, such as "mlp-fashion-mnist". */
    String name();

    /** The parameter groups, in the order they are reported; names are unique. */
    List<ParamGroup> groups();

    /** Every group's parameters, group after group: what checkpoints and snapshots hold. */
    default List<Param> params() {
        return groups().stream().flatMap(g -> g.params().stream()).toList();
    }

    /** Training steps in one epoch (one pass over the data, or the workload's unit of schedule). */
    long stepsPerEpoch();

    /** What one sample is, plural, for throughput and logs: "examples", "tokens", "env steps". */
    default String sampleUnit() {
        return "examples";
    }

    /** Runs training step {@code context.step()}. */
    StepResult step(StepContext context);

    /** The scores {@link #evaluate} reports, the primary one first. */
    List<Score> scores();

    /**
     * Evaluates the model after {@code stepsDone} training steps on its held-out data (or
     * episodes), with the behaviour the model had at that point of training (the attention mask
     * the last step used, for example).
     */
    Evaluation evaluate(long stepsDone);

    /**
     * Live numbers beyond the loss, for progress displays and the training log, such as episodes
     * and the exploration rate of a reinforcement learner (keys in camelCase); empty by default.
     * Called after each step.
     */
    default Map<String, Double> status() {
        return Map.of();
    }

    /**
     * Forward-only FLOPs spent since the last call outside the groups' training losses (acting in
     * an environment, target networks), with the current layers and with their dense twins; null
     * (the default) when there are none. Called once after each step.
     */
    default ForwardFlops takeForwardOnlyFlops() {
        return null;
    }

    /** FLOPs of forward passes that are not part of a trained loss. */
    record ForwardFlops(long sparse, long dense) {
        public ForwardFlops {
            if (sparse < 0 || dense < 0) {
                throw new IllegalArgumentException("FLOPs must be >= 0, got " + sparse + " and " + dense);
            }
        }
    }

    /**
     * Training FLOPs (forward and backward) spent since the last call in products between
     * activations, which no FLOP layer describes because their cost follows the data layout
     * (attention scores and mixing), with the same products of the dense twin; null (the default)
     * when there are none. Called once after each step.
     */
    default ActivationFlops takeActivationFlops() {
        return null;
    }

    /** Training FLOPs of products between activations: as computed, and in the dense twin. */
    record ActivationFlops(long actual, long dense) {
        public ActivationFlops {
            if (actual < 0 || dense < 0) {
                throw new IllegalArgumentException("FLOPs must be >= 0, got " + actual + " and " + dense);
            }
        }
    }

    /**
     * Images worth keeping from the evaluation after {@code stepsDone} steps, as PNG bytes by file
     * name (a GAN's grid of samples at fixed latent seeds): a run writes them into its folder's
     * {@code plots/}, where its report shows them. Called right after each evaluation; none by
     * default.
     */
    default Map<String, byte[]> evaluationImages(long stepsDone) {
        return Map.of();
    }

    /**
     * Writes the workload's state beyond the groups' parameters and optimizer state (a replay
     * buffer, target networks, counters, generators that advance with use) under names starting
     * with {@code workload/}; nothing by default.
     */
    default void save(Checkpoint.Builder checkpoint) {
    }

    /** Reads back what {@link #save} wrote. */
    default void restore(Checkpoint checkpoint) {
    }

    /**
     * The shape of one input example as an image {@code (height, width)}, for the first sparse
     * layer's connectivity heatmap; null when the input is not an image.
     */
    default int[] inputImage() {
        return null;
    }
}

package rewire.train;

import java.util.List;
import java.util.Map;
import rewire.autodiff.Tape;
import rewire.nn.Module;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;

/**
 * What a {@link Trainer} trains: a model, its data and its loss.
 *
 * <p>Call order per training step: {@link #trainStep} records the loss of step {@code t} on a
 * cleared tape, the trainer runs backward, hooks and the optimizer. {@link #evaluate} may be
 * called between steps. The batch of step {@code t} must be a pure function of {@code t} and the
 * workload's seed, so a resumed run sees exactly the data an uninterrupted one would.
 */
public interface Workload {

    /** A short name for logs and reports, such as "mlp-fashion-mnist". */
    String name();

    /** The model; its parameters are what the optimizer updates. */
    Module model();

    /** Training steps in one epoch (one pass over the training data). */
    long stepsPerEpoch();

    /** Examples per training step. */
    int batchSize();

    /** Records the training loss of step {@code step} on {@code tape} (the model is in training mode). */
    StepOutput trainStep(Tape tape, long step);

    /** Evaluates the model on its held-out split (the trainer switches the model to eval mode around this). */
    Evaluation evaluate();

    /** The sparse layers the DST engine rewires, in model order; empty for a dense model. */
    List<SparseLinear> sparseLayers();

    /**
     * The full weight shape of sparse layer {@code i} for layer-wise budgets (a convolution's
     * {@code (out, in, kh, kw)}); by default the matrix shape {@code (rows, cols)}.
     */
    default int[] kernelShape(int i) {
        SparseLinear l = sparseLayers().get(i);
        return new int[] {l.out(), l.in()};
    }

    /**
     * The shape of one input example as an image {@code (height, width)}, for the first layer's
     * connectivity heatmap; null when the input is not an image.
     */
    default int[] inputImage() {
        return null;
    }

    /**
     * The linear layers for FLOP accounting, in model order: sparse layers named as their weight
     * parameter, dense ones as layers of full density.
     */
    List<FlopCounter.Layer> flopLayers();

    /**
     * Live numbers of a workload beyond loss and accuracy, for progress displays and the training
     * log, such as episodes, environment steps, win rate and exploration rate of a reinforcement
     * learner (keys in camelCase); empty by default. Called after each step.
     */
    default Map<String, Double> status() {
        return Map.of();
    }

    /**
     * Forward-only FLOPs spent since the last call outside the recorded loss (acting in an
     * environment, target networks), with the current layers and with their dense twins; null
     * (the default) when there are none. Called once after each step.
     */
    default ForwardFlops takeForwardOnlyFlops() {
        return null;
    }

    /** FLOPs of forward passes that are not part of the trained loss. */
    record ForwardFlops(long sparse, long dense) {
        public ForwardFlops {
            if (sparse < 0 || dense < 0) {
                throw new IllegalArgumentException("FLOPs must be >= 0, got " + sparse + " and " + dense);
            }
        }
    }

    /**
     * Training FLOPs (forward and backward) spent since the last call in products between
     * activations, which no layer of {@link #flopLayers} describes because their cost follows the
     * data layout rather than a weight (attention scores and mixing, whose pairs depend on the
     * step's attention pattern), with the same products of the dense twin; null (the default)
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
     * Whether a checkpoint holds everything this workload needs to continue exactly (true by
     * default). A workload with state outside its parameters, such as a replay buffer, returns
     * false, and resuming it fails with a clear message.
     */
    default boolean supportsResume() {
        return true;
    }

    /**
     * What {@link Evaluation#accuracy} measures, as a label for consoles and run.json: "test
     * accuracy" by default; a reinforcement learner's is its win rate, a language model's its
     * validation next-token accuracy.
     */
    default String scoreLabel() {
        return "test accuracy";
    }
}

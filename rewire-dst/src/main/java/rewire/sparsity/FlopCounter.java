package rewire.sparsity;

import java.util.List;

/**
 * Training and inference FLOPs of a network of linear layers, per step and cumulative, and their
 * ratio to the dense twin (the same network with every layer dense, trained on the same batches).
 * Follows the accounting of RigL (Evci et al., "Rigging the Lottery: Making All Tickets Winners",
 * ICML 2020, Sec. 4 and App. H): with {@code f_S} and {@code f_D} the forward FLOPs of the sparse
 * and the dense network, a plain sparse step costs {@code 3·f_S} (forward, input gradient, weight
 * gradient), a step that computes the dense gradient for growth costs {@code 2·f_S + f_D}, so
 * RigL with one such step after every {@code ΔT} plain ones averages
 * {@code (3·f_S·ΔT + 2·f_S + f_D) / (ΔT + 1)} per step ({@link #rigLAverageStepFlops}).
 *
 * <p>Per layer and step with batch {@code B}, counting a multiply-add as 2 FLOPs and
 * {@code n = nnz} (or {@code in·out} for a dense layer):
 * <ul>
 *   <li>forward {@code 2·B·n}, times the layer's share of the examples (an expert's {@code k/E});</li>
 *   <li>input gradient {@code 2·B·n}, or 0 for a layer that needs none (the first layer:
 *       {@link Layer#withoutInputGradient});</li>
 *   <li>weight gradient {@code 2·B·n}; on an update step whose growth needs the dense gradient
 *       (RigL) a sparse layer computes the dense {@code 2·B·in·out} instead, which contains
 *       its own on-pattern gradient, so the sparse one is not counted again.</li>
 * </ul>
 * Rewire overhead is whatever the caller reports through {@link #recordOverhead} (for example the
 * scoring FLOPs of a Cannistraci-Hebb update, {@link RewireReport#scoringFlops()}); the counter
 * adds no estimate of its own.
 * Not counted, as in RigL: activations, losses, optimizer updates, magnitude sorting and top-k
 * comparisons. The dense twin runs the same steps with no rewiring and the same input-gradient
 * flags.
 *
 * <p>Call order: construct with the layers; per training step {@link #recordStep}; after a
 * topology change that alters a layer's nnz, {@link #setNnz}; read totals at any time. Not
 * thread-safe.
 */
public final class FlopCounter {

    /**
     * One linear layer {@code y = x·Wᵀ}, {@code W : (out, in)}.
     *
     * @param nnz stored connections; {@code in·out} for a dense layer
     * @param dense stored as a dense matrix (no sparse kernels, no growth)
     * @param inputGradient whether backpropagation computes this layer's input gradient
     * @param positions how often the layer applies per example: 1 for a fully connected layer,
     *     {@code Ho·Wo} output positions for a convolution computed as a product over patches
     * @param share the fraction of the examples the layer sees, in (0, 1]: 1 for every layer a
     *     whole batch goes through, {@code k/E} for one of the E experts of a top-k mixture of
     *     experts (the E experts see {@code k·B} token slots between them; exact when they hold the
     *     same nnz, as equally shaped experts do under every distribution and pruning rule here)
     */
    public record Layer(String name, int in, int out, long nnz, boolean dense, boolean inputGradient, int positions,
                        double share) {
        public Layer {
            if (in < 1 || out < 1 || nnz < 0 || nnz > (long) in * out || (dense && nnz != (long) in * out)
                    || positions < 1 || !(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("layer " + name + ": need in, out, positions >= 1,"
                        + " 0 <= nnz <= in·out (= in·out when dense) and a share in (0, 1], got in " + in + ", out " + out
                        + ", nnz " + nnz + ", dense " + dense + ", positions " + positions + ", share " + share);
            }
        }

        /** A layer every example goes through {@code positions} times. */
        public Layer(String name, int in, int out, long nnz, boolean dense, boolean inputGradient, int positions) {
            this(name, in, out, nnz, dense, inputGradient, positions, 1);
        }

        /** A layer applied once per example (fully connected). */
        public Layer(String name, int in, int out, long nnz, boolean dense, boolean inputGradient) {
            this(name, in, out, nnz, dense, inputGradient, 1, 1);
        }

        /** This layer applied at {@code p} positions per example (a convolution over {@code p} patches). */
        public Layer atPositions(int p) {
            return new Layer(name, in, out, nnz, dense, inputGradient, p, share);
        }

        /** This layer seeing the fraction {@code s} of the examples (an expert of a mixture of experts). */
        public Layer routed(double s) {
            return new Layer(name, in, out, nnz, dense, inputGradient, positions, s);
        }

        /** A sparse layer with an input gradient. */
        public static Layer sparse(String name, int in, int out, long nnz) {
            return new Layer(name, in, out, nnz, false, true);
        }

        /** A dense layer with an input gradient. */
        public static Layer dense(String name, int in, int out) {
            return new Layer(name, in, out, (long) in * out, true, true);
        }

        /** This layer without an input gradient, as the first layer of a network. */
        public Layer withoutInputGradient() {
            return new Layer(name, in, out, nnz, dense, false, positions, share);
        }

        /** This layer holding {@code newNnz} connections. */
        public Layer withNnz(long newNnz) {
            return new Layer(name, in, out, newNnz, dense, inputGradient, positions, share);
        }

        /** {@code in·out}. */
        public long denseSize() {
            return (long) in * out;
        }
    }

    private final Layer[] layers;
    private long steps;
    private long updateSteps;
    private long trainingFlops;
    private long overheadFlops;
    private long denseTwinFlops;

    public FlopCounter(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a FLOP counter needs at least one layer");
        }
        this.layers = layers.toArray(new Layer[0]);
    }

    /** The layers as currently counted. */
    public List<Layer> layers() {
        return List.of(layers);
    }

    /** Records that layer {@code index} now holds {@code nnz} connections (after a density change). */
    public void setNnz(int index, long nnz) {
        if (index < 0 || index >= layers.length) {
            throw new IndexOutOfBoundsException("layer " + index + " of " + layers.length);
        }
        layers[index] = layers[index].withNnz(nnz);
    }

    /**
     * Counts one training step on a batch of {@code batch} examples and returns its FLOPs.
     *
     * @param updateStep whether the step also updates topology
     * @param growthNeedsDenseGradient whether that update computes the dense weight gradient
     *     (gradient-based growth); ignored on other steps
     */
    public long recordStep(int batch, boolean updateStep, boolean growthNeedsDenseGradient) {
        long flops = stepFlops(batch, updateStep && growthNeedsDenseGradient);
        trainingFlops = Math.addExact(trainingFlops, flops);
        denseTwinFlops = Math.addExact(denseTwinFlops, denseStepFlops(batch));
        steps++;
        updateSteps += updateStep ? 1 : 0;
        return flops;
    }

    /** The running totals, for checkpoints. */
    public record Totals(long steps, long updateSteps, long training, long overhead, long denseTwin) {
    }

    public Totals totals() {
        return new Totals(steps, updateSteps, trainingFlops, overheadFlops, denseTwinFlops);
    }

    /** Continues from totals saved by {@link #totals()} (a resumed run). */
    public void restore(Totals t) {
        steps = t.steps();
        updateSteps = t.updateSteps();
        trainingFlops = t.training();
        overheadFlops = t.overhead();
        denseTwinFlops = t.denseTwin();
    }

    /**
     * Adds forward-only FLOPs outside the training step's products (acting in an environment,
     * target networks): {@code flops} with the current layers to the training total and
     * {@code denseFlops} to the dense twin's.
     */
    public void recordForwardOnly(long flops, long denseFlops) {
        recordOutsideLayers(flops, denseFlops);
    }

    /**
     * Adds training FLOPs that no layer describes, such as attention's products between
     * activations: {@code flops} as computed to the training total, {@code denseFlops} (the same
     * work in the dense twin) to the dense twin's.
     */
    public void recordOutsideLayers(long flops, long denseFlops) {
        if (flops < 0 || denseFlops < 0) {
            throw new IllegalArgumentException("FLOPs must be non-negative, got " + flops + " and " + denseFlops);
        }
        trainingFlops = Math.addExact(trainingFlops, flops);
        denseTwinFlops = Math.addExact(denseTwinFlops, denseFlops);
    }

    /** Adds FLOPs of a topology update beyond the products counted per step (for example CH scoring). */
    public void recordOverhead(long flops) {
        if (flops < 0) {
            throw new IllegalArgumentException("overhead FLOPs must be non-negative, got " + flops);
        }
        overheadFlops = Math.addExact(overheadFlops, flops);
    }

    /** The FLOPs of one training step with the current layers, without recording it. */
    public long stepFlops(int batch, boolean denseWeightGradient) {
        requireBatch(batch);
        PerExample flops = new PerExample();
        for (Layer l : layers) {
            long n = l.nnz();
            long weightGradient = denseWeightGradient && !l.dense() ? l.denseSize() : n;
            flops.add(l, 2 * (n + (l.inputGradient() ? n : 0) + weightGradient) * l.positions());
        }
        return flops.times(batch);
    }

    /** The FLOPs of one training step of the dense twin. */
    public long denseStepFlops(int batch) {
        requireBatch(batch);
        PerExample flops = new PerExample();
        for (Layer l : layers) {
            flops.add(l, 2 * l.denseSize() * (l.inputGradient() ? 3 : 2) * l.positions());
        }
        return flops.times(batch);
    }

    /** Forward FLOPs of a batch with the current layers: {@code Σ 2·B·positions·nnz}. */
    public long inferenceFlops(int batch) {
        requireBatch(batch);
        PerExample flops = new PerExample();
        for (Layer l : layers) {
            flops.add(l, 2 * l.nnz() * l.positions());
        }
        return flops.times(batch);
    }

    /** Forward FLOPs of a batch through the dense twin: {@code Σ 2·B·positions·in·out}. */
    public long denseInferenceFlops(int batch) {
        requireBatch(batch);
        PerExample flops = new PerExample();
        for (Layer l : layers) {
            flops.add(l, 2 * l.denseSize() * l.positions());
        }
        return flops.times(batch);
    }

    // FLOPs per example: whole for the layers every example goes through (exact, overflow-checked),
    // fractional for routed ones, rounded once for the batch
    private static final class PerExample {
        private long whole;
        private double routed;

        void add(Layer l, long flops) {
            if (l.share() == 1) {
                whole = Math.addExact(whole, flops);
            } else {
                routed += flops * l.share();
            }
        }

        long times(int batch) {
            return Math.addExact(Math.multiplyExact(whole, batch), Math.round(routed * batch));
        }
    }

    /** Training FLOPs so far, overhead included. */
    public long trainingFlops() {
        return Math.addExact(trainingFlops, overheadFlops);
    }

    /** The part of {@link #trainingFlops} reported through {@link #recordOverhead}. */
    public long overheadFlops() {
        return overheadFlops;
    }

    /** Training FLOPs the dense twin would have spent on the same steps. */
    public long denseTwinTrainingFlops() {
        return denseTwinFlops;
    }

    /** {@link #trainingFlops} over {@link #denseTwinTrainingFlops}; NaN before the first step. */
    public double trainingRatio() {
        return steps == 0 ? Double.NaN : (double) trainingFlops() / denseTwinFlops;
    }

    /** Inference FLOPs of the current layers over the dense twin's (independent of the batch). */
    public double inferenceRatio() {
        return (double) inferenceFlops(1) / denseInferenceFlops(1);
    }

    public long steps() {
        return steps;
    }

    public long updateSteps() {
        return updateSteps;
    }

    /**
     * RigL's average training FLOPs per step (Evci et al. 2020, Sec. 4):
     * {@code (3·f_S·ΔT + 2·f_S + f_D) / (ΔT + 1)}, for forward FLOPs {@code f_S} of the sparse
     * network and {@code f_D} of the dense one, and {@code ΔT} plain steps per update step.
     */
    public static double rigLAverageStepFlops(double sparseForward, double denseForward, long deltaT) {
        if (deltaT < 0) {
            throw new IllegalArgumentException("ΔT must be non-negative, got " + deltaT);
        }
        return (3 * sparseForward * deltaT + 2 * sparseForward + denseForward) / (deltaT + 1);
    }

    private static void requireBatch(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive, got " + batch);
        }
    }

    @Override
    public String toString() {
        return String.format("FlopCounter(%d steps, %d updates, training %.4g FLOPs = %.4f x dense,"
                        + " inference %.4f x dense)",
                steps, updateSteps, (double) trainingFlops(), trainingRatio(), inferenceRatio());
    }
}

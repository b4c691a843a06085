package rewire.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import rewire.autodiff.Activations;
import rewire.autodiff.ConvOps;
import rewire.autodiff.DiagonalOps;
import rewire.autodiff.ImageShape;
import rewire.autodiff.LinearOps;
import rewire.autodiff.SpectralEstimate;
import rewire.autodiff.SpectralNormOps;
import rewire.autodiff.SparseConvOps;
import rewire.autodiff.StructuredLinearOps;
import rewire.autodiff.Tape;
import rewire.autodiff.TransposedLinearOps;
import rewire.autodiff.Var;
import rewire.autodiff.Window;
import rewire.sparse.BlockPattern;
import rewire.sparse.CsrMatrix;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.FanInPattern;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.sparse.StorageFormat;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * A sparse linear layer {@code y (out, B) = W · x (in, B) + b (out,)} whose weight is a
 * {@link SparseParam}: CSR pattern plus {@code (nnz,)} values and gradient. Parameters are named
 * {@code <name>.weight} and {@code <name>.bias}.
 *
 * <p><b>Representation.</b> Each forward pass picks how to compute from the weight's current
 * density: below the {@code crossover} the sparse CSR kernels ({@link Representation#CSR}),
 * at or above it dense GEMMs on a masked dense copy ({@link Representation#DENSE_MASKED}), which
 * are faster when most connections exist. Both compute the same values and fill the same
 * connection-aligned gradient {@code SparseParam.grad()}, so optimizers and the DST engine see
 * one view, and a topology change that moves the density across the crossover switches the
 * representation at the next forward pass without anything else noticing. A layer in
 * structured {@link StorageFormat} ({@link #inFormat}) computes below the crossover on that
 * format's kernels instead of CSR ({@link Representation#DIAGONAL} on whole wrap-around
 * diagonals, {@link Representation#FAN_IN} on rows of equal count); one with a {@link DiagonalGate} ({@link #withDiagonalGate}) is DynaDiag's layer.
 *
 * <p><b>Spectral normalization.</b> A layer made by {@link #spectrallyNormalized} multiplies by
 * {@code W / σ(W)} ({@link SpectralNormOps}); its power-iteration vectors are buffers, and its
 * {@link #lastBatch()} carries the normalization, so that growth by gradient scores the dense
 * gradient with respect to {@code W} itself.
 */
public final class SparseLinear extends Layer {
    /**
     * Default crossover density. Measured (docs/benchmarks.md, 1000x1000 layer, batch 128, one
     * thread, Vector API kernels against OpenBLAS): forward + input gradient + weight gradient in
     * CSR are 1.8x faster than the three dense GEMMs at 20% density and 0.8x as fast at 50%, so
     * they break even near 40%; 0.35 keeps a margin for the dense path's scatter and gather.
     */
    public static final double DEFAULT_CROSSOVER = 0.35;
    /**
     * Layers with fewer output rows than this keep CSR up to {@link #NARROW_CROSSOVER}: dense GEMMs
     * on a few rows run far below the machine's peak while CSR's cost stays proportional to nnz.
     * Measured with {@code rewire.bench.CrossoverScan} (a training step with bias, batch 128, one
     * thread; CSR time over masked-dense time): 10 x 1000 at 41% 0.71, at 50% 0.92, at 60% 1.03;
     * 100 x 1000 at 41% 0.84, at 50% 1.06; 1000 x 1000 at 35% 0.85, at 41% 1.01.
     */
    public static final int NARROW_ROWS = 128;
    /** The crossover of layers narrower than {@link #NARROW_ROWS}, when the configured one is lower. */
    public static final double NARROW_CROSSOVER = 0.5;

    /** How a forward pass computes the product. */
    public enum Representation {
        /** Sparse kernels on the CSR weight: O(nnz · B). */
        CSR,
        /** Dense GEMMs on the weight scattered into a dense matrix, gradient gathered back onto the pattern. */
        DENSE_MASKED,
        /** The diagonal kernels on the weight's K wrap-around diagonals ({@link StorageFormat#DIAGONAL}): O(nnz · B). */
        DIAGONAL,
        /**
         * The constant fan-in kernels ({@link StorageFormat#FAN_IN}, N:M included): O(nnz · B). A
         * fan-in layer with empty rows (neurons ablated by SRigL) computes in {@link #CSR} instead.
         */
        FAN_IN,
        /** The block kernels ({@link StorageFormat#blocks}): O(nnz · B). */
        BLOCK
    }

    private final SparseParam weight;
    private final DenseParam bias;
    private final double crossover;
    private final SpectralEstimate spectral;
    private final StorageFormat format;
    private final DiagonalGate gate;
    // the structured layout of the weight's current pattern, rebuilt when a topology change replaces it
    private SparsityPattern viewed;
    private Object view;
    // The last forward pass's input and output W·x + b, kept so the DST engine can score the dense
    // gradient dy·xᵀ of connections that do not exist yet (valid until the tape is cleared); the
    // bias leaves the gradient of W·x unchanged.
    private Var lastInput;
    private Var lastProduct;
    private boolean lastTransposed;
    // the patches of the last direct convolution's input, built when lastBatch() is asked for them
    private Supplier<Tensor> lastPatches;
    private LastBatch givenBatch;
    private InputObserver observer = InputObserver.NONE;

    /**
     * A layer over existing parameters.
     *
     * @param weight    {@code (out, in)} sparse
     * @param bias      {@code (out,)}, or null for none
     * @param crossover density at and above which the dense-with-mask representation is used;
     *                  0 always uses it, a value above 1 never does
     */
    public SparseLinear(SparseParam weight, DenseParam bias, double crossover) {
        this(weight, bias, crossover, null, StorageFormat.CSR, null);
    }

    private SparseLinear(SparseParam weight, DenseParam bias, double crossover, SpectralEstimate spectral,
                         StorageFormat format, DiagonalGate gate) {
        if (bias != null && bias.size() != weight.rows()) {
            throw new IllegalArgumentException(bias.name() + ": bias " + bias.value().shape() + " needs "
                    + weight.rows() + " entries for sparse weight " + weight.rows() + " x " + weight.cols());
        }
        if (!(crossover >= 0)) {
            throw new IllegalArgumentException("crossover density must be >= 0, got " + crossover);
        }
        this.weight = weight;
        this.bias = bias;
        this.crossover = crossover;
        this.spectral = spectral;
        this.format = format;
        this.gate = gate;
    }

    /**
     * This layer's parameters behind spectral normalization, {@code y = (W / σ(W)) · x + b}, with
     * power-iteration vectors drawn from {@code rng}; buffers {@code <weight>.u} and {@code <weight>.v}.
     */
    public SparseLinear spectrallyNormalized(Rng rng) {
        return new SparseLinear(weight, bias, crossover, new SpectralEstimate(weight.rows(), weight.cols(), rng),
                format, gate);
    }

    /**
     * This layer's parameters computed in {@code format} below the crossover. The weight's pattern
     * must then always have the format's structure (whole diagonals for
     * {@link StorageFormat#DIAGONAL}, the same count in every row for {@link StorageFormat#FAN_IN},
     * whole blocks for {@link StorageFormat#blocks}),
     * as the matching DST constraint keeps it; a forward pass on any other pattern fails naming
     * the first diagonal or row that breaks it.
     */
    public SparseLinear inFormat(StorageFormat format) {
        return new SparseLinear(weight, bias, crossover, spectral, Objects.requireNonNull(format, "format"), gate);
    }

    /**
     * This layer's parameters behind a DynaDiag gate that learns which {@code budget} diagonals to
     * keep ({@link DiagonalGate}; its logits become a parameter of the layer), computed on the
     * diagonal kernels once the gate is frozen and the pattern is K diagonals.
     */
    public SparseLinear withDiagonalGate(int budget) {
        DiagonalGate g = new DiagonalGate(weight.name().replaceFirst("\\.weight$", ""), weight.rows(), weight.cols(),
                budget);
        return new SparseLinear(weight, bias, crossover, spectral, StorageFormat.DIAGONAL, g);
    }

    /** The DynaDiag gate, or null for a layer without one. */
    public DiagonalGate diagonalGate() {
        return gate;
    }

    /** The storage format of the sparse representation. */
    public StorageFormat format() {
        return format;
    }

    /**
     * A layer with a uniformly random pattern of {@code round(density · out · in)} entries,
     * Kaiming-normal weights scaled by each output's actual fan-in (see {@link Init}), a zero
     * bias and the default crossover.
     */
    public static SparseLinear create(String name, int in, int out, double density, Rng rng) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException(name + ": density must be in [0, 1], got " + density);
        }
        SparsityPattern pattern = Patterns.random(out, in, (int) Math.round(density * out * in), rng);
        return create(name, pattern, true, Init.kaimingNormal(), DEFAULT_CROSSOVER, rng);
    }

    /** A layer on {@code pattern (out, in)} with weights drawn by {@code init} and an optional zero bias. */
    public static SparseLinear create(String name, SparsityPattern pattern, boolean withBias, Init init,
                                      double crossover, Rng rng) {
        CsrMatrix w = CsrMatrix.zeros(pattern);
        init.fill(w, rng);
        DenseParam b = withBias ? new DenseParam(name + ".bias", Tensor.zeros(pattern.rows())) : null;
        return new SparseLinear(new SparseParam(name + ".weight", w), b, crossover);
    }

    /** The representation the next forward pass will use, from the weight's current density and shape. */
    public Representation representation() {
        if (weight.pattern().density() >= effectiveCrossover()) {
            return Representation.DENSE_MASKED;
        }
        return switch (format) {
            case StorageFormat.Csr c -> Representation.CSR;
            case StorageFormat.Diagonal d -> Representation.DIAGONAL;
            // neurons ablated by SRigL leave empty rows, which the condensed form cannot hold: CSR skips them
            case StorageFormat.FanIn f -> hasEmptyRow(weight.pattern()) ? Representation.CSR : Representation.FAN_IN;
            case StorageFormat.Blocks b -> Representation.BLOCK;
        };
    }

    private static boolean hasEmptyRow(SparsityPattern p) {
        for (int r = 0; r < p.rows(); r++) {
            if (p.rowStart(r) == p.rowEnd(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The crossover this layer uses: the configured one, raised to {@link #NARROW_CROSSOVER} for a
     * layer narrower than {@link #NARROW_ROWS} rows unless the configured one forces a
     * representation (0: always dense, above 1: never).
     */
    public double effectiveCrossover() {
        boolean forced = crossover == 0 || crossover > 1;
        return weight.rows() < NARROW_ROWS && !forced ? Math.max(crossover, NARROW_CROSSOVER) : crossover;
    }

    /** {@code x (in, B) -> y (out, B)}. */
    @Override
    public Var forward(Tape tape, Var x) {
        return forward(tape, x, false);
    }

    /**
     * {@code x (in, B) -> max(W · x + b, 0) (out, B)}: this layer and the ReLU after it, fused into
     * one op in the CSR representation ({@link LinearOps#sparseLinearRelu}); {@link Sequential}
     * calls it for a layer followed by a ReLU. The result equals {@code relu(forward(x))}.
     */
    public Var forwardRelu(Tape tape, Var x) {
        return forward(tape, x, true);
    }

    private Var forward(Tape tape, Var x, boolean relu) {
        // The param's matrix is read afresh: a topology change replaces it.
        Var w = spectral == null ? weight.var() : SpectralNormOps.spectralNorm(tape, weight.var(), spectral, isTraining());
        if (gate != null && !gate.isFrozen()) {
            SparsityPattern p = weight.pattern();
            w = DiagonalOps.gate(tape, w, gate.alpha().var(), gate.diagonalOf(p), gate.budget(), gate.temperature());
        }
        Var b = bias == null ? null : bias.var();
        observer.observe(x.value());
        lastInput = x;
        lastPatches = null;
        lastTransposed = false;
        givenBatch = null;
        // the fused ops' backward leaves the gradient of W·x + b in their output's gradient buffer
        switch (representation()) {
            case CSR -> {
                lastProduct = relu ? LinearOps.sparseLinearRelu(tape, x, w, b) : LinearOps.sparseLinear(tape, x, w, b);
                return lastProduct;
            }
            case DIAGONAL -> {
                lastProduct = StructuredLinearOps.diagonal(tape, x, w, view(DiagonalPattern::fromCsr), b, relu);
                return lastProduct;
            }
            case FAN_IN -> {
                lastProduct = StructuredLinearOps.fanIn(tape, x, w, view(FanInPattern::fromCsr), b, relu);
                return lastProduct;
            }
            case BLOCK -> {
                StorageFormat.Blocks shape = (StorageFormat.Blocks) format;
                lastProduct = StructuredLinearOps.blocks(tape, x, w,
                        view(p -> BlockPattern.fromCsr(p, shape.rows(), shape.cols())), b, relu);
                return lastProduct;
            }
            case DENSE_MASKED -> {
            }
        }
        lastProduct = LinearOps.maskedLinear(tape, x, w, b);
        return relu ? Activations.relu(tape, lastProduct) : lastProduct;
    }

    /**
     * {@code x (Cin, B·H·W) -> y (Cout, B·Ho·Wo)}: this layer as the kernel {@code (Cout, Cin·k·k)}
     * of a convolution over {@code in} through {@code window} ({@link Conv2d}). In the CSR
     * representation with stride 1 it computes on the image itself ({@link SparseConvOps}: no patch
     * matrix, which is 25 times the input for a 5x5 kernel), and {@link #lastBatch()} builds the
     * patches only when asked for them (gradient growth at an update step). Otherwise, and for
     * spectral normalization, a diagonal gate or an input observer (calibration reads the patches),
     * it runs {@link #forward} on {@link ConvOps#im2col}'s patches.
     */
    public Var forwardConvolution(Tape tape, Var x, ImageShape in, Window window) {
        boolean direct = representation() == Representation.CSR && SparseConvOps.applies(window)
                && spectral == null && gate == null && observer == InputObserver.NONE;
        if (!direct) {
            return forward(tape, ConvOps.im2col(tape, x, in, window));
        }
        lastProduct = SparseConvOps.conv2d(tape, x, in, window, weight.var(), bias == null ? null : bias.var());
        Tensor image = x.value();
        Tensor[] built = {null};
        lastPatches = () -> built[0] != null ? built[0] : (built[0] = ConvOps.im2col(image, in, window));
        lastInput = null;
        lastTransposed = false;
        givenBatch = null;
        return lastProduct;
    }

    /**
     * {@code x (out, B) -> Wᵀ · x (in, B)}: the product through this layer's transpose, the core of
     * a transposed convolution ({@link ConvTranspose2d}) whose weight is PyTorch's
     * {@code (Cin, Cout·k·k)}. Computed in the same representation as {@link #forward}
     * ({@link TransposedLinearOps}). A layer with a bias (one per row) cannot run transposed. Its
     * {@link #lastBatch()} then reports {@code dy} of {@code Wᵀ·x} as the input and {@code x} as the
     * output gradient, so that their product {@code x · dyᵀ} is again the dense weight gradient.
     */
    public Var forwardTransposed(Tape tape, Var x) {
        if (bias != null || spectral != null || gate != null) {
            throw new IllegalStateException(weight.name() + ": a layer with a bias per output row, spectral "
                    + "normalization or a diagonal gate cannot run transposed");
        }
        Var w = weight.var();
        lastInput = x;
        lastPatches = null;
        lastTransposed = true;
        givenBatch = null;
        // the diagonal kernels have no transposed entry point of their own here: CSR serves
        lastProduct = representation() == Representation.DENSE_MASKED ? TransposedLinearOps.maskedLinear(tape, x, w)
                : TransposedLinearOps.sparseLinear(tape, x, w);
        return lastProduct;
    }

    @Override
    protected List<Buffer> ownBuffers() {
        List<Buffer> own = new ArrayList<>();
        if (spectral != null) {
            own.add(new Buffer(weight.name() + ".u", spectral.u()));
            own.add(new Buffer(weight.name() + ".v", spectral.v()));
        }
        if (gate != null) {
            own.add(gate.state());
        }
        return own;
    }

    @Override
    protected List<Param> ownParams() {
        List<Param> own = new ArrayList<>(List.of(weight));
        if (bias != null) {
            own.add(bias);
        }
        if (gate != null) {
            own.add(gate.alpha());
        }
        return own;
    }

    // the weight's pattern in the layer's structured format, rebuilt after a topology change
    @SuppressWarnings("unchecked")
    private <T> T view(Function<SparsityPattern, T> of) {
        SparsityPattern p = weight.pattern();
        if (p != viewed) {
            try {
                view = of.apply(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(weight.name() + " is stored as " + format + ": " + e.getMessage(), e);
            }
            viewed = p;
        }
        return (T) view;
    }

    /**
     * Records a batch that a fused op formed with this layer's weight instead of
     * {@link #forward}, such as a recurrence that applies it at every step of a sequence
     * ({@link Gru}): {@code input (in, M)} and the product {@code W·input (out, M)} without bias,
     * whose gradient backward fills. {@link #lastBatch()} then reports them, so gradient-based
     * growth scores every column the weight saw.
     */
    public void recordBatch(Tensor input, Var product) {
        if (input.rows() != in() || product.value().rows() != out() || input.cols() != product.value().cols()) {
            throw new IllegalArgumentException(weight.name() + ": batch input " + input.shape() + " and product "
                    + product.shape() + " do not fit weight " + out() + " x " + in());
        }
        lastInput = Var.constant(input);
        lastPatches = null;
        lastProduct = product;
        lastTransposed = false;
        givenBatch = null;
    }

    /**
     * Sets the batch {@link #lastBatch()} reports when the forward and backward of this step ran
     * elsewhere, such as on data-parallel workers whose batches the driver gathered; the next
     * forward pass replaces it.
     */
    public void useBatch(LastBatch batch) {
        if (batch.input().rows() != in() || batch.outputGrad().rows() != out()
                || batch.input().cols() != batch.outputGrad().cols()) {
            throw new IllegalArgumentException(weight.name() + ": batch input " + batch.input().shape()
                    + " and output gradient " + batch.outputGrad().shape() + " do not fit weight " + out() + " x " + in());
        }
        givenBatch = batch;
    }

    /**
     * The last training batch as the DST engine needs it: the input {@code x (in, B)} and the
     * gradient of the loss with respect to {@code W·x}, {@code dy (out, B)}, so that
     * {@code dy · xᵀ} is the dense weight gradient. Valid after backward and until the tape that
     * recorded the forward pass is cleared; null before any backward pass.
     */
    public LastBatch lastBatch() {
        if (givenBatch != null) {
            return givenBatch;
        }
        if (lastProduct == null || lastProduct.grad() == null) {
            return null;
        }
        if (lastPatches != null) {
            return new LastBatch(lastPatches.get(), lastProduct.grad());
        }
        if (spectral != null) {
            return normalizedBatch(lastInput.value(), lastProduct.grad());
        }
        return lastTransposed ? new LastBatch(lastProduct.grad(), lastInput.value())
                : new LastBatch(lastInput.value(), lastProduct.grad());
    }

    /**
     * The batch of a spectrally normalized layer, one column longer, whose product is the dense
     * gradient with respect to {@code W} ({@link SpectralNormOps}):
     * {@code [dy, -c·u] · [x/σ, v]ᵀ = (dy · xᵀ)/σ - c·u vᵀ}.
     */
    private LastBatch normalizedBatch(Tensor x, Tensor dy) {
        int b = x.cols();
        Tensor input = Tensor.zeros(x.rows(), b + 1);                      // (in, B + 1)
        Tensor grad = Tensor.zeros(dy.rows(), b + 1);                      // (out, B + 1)
        float inverse = (float) (1 / spectral.sigma());
        float c = (float) spectral.correction();
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < b; j++) {
                input.data()[r * (b + 1) + j] = x.data()[r * b + j] * inverse;
            }
            input.data()[r * (b + 1) + b] = spectral.v()[r];
        }
        for (int r = 0; r < dy.rows(); r++) {
            System.arraycopy(dy.data(), r * b, grad.data(), r * (b + 1), b);
            grad.data()[r * (b + 1) + b] = -c * spectral.u()[r];
        }
        return new LastBatch(input, grad);
    }

    /** Feature-major input {@code x (in, B)} and output gradient {@code dy (out, B)} of one batch. */
    public record LastBatch(Tensor input, Tensor outputGrad) {
    }

    /** Shows every forward pass's input to {@code o} from now on ({@link InputObserver#NONE} stops). */
    public void observeInputs(InputObserver o) {
        observer = Objects.requireNonNull(o, "observer");
    }

    public SparseParam weight() {
        return weight;
    }

    /** The bias, or null. */
    public DenseParam bias() {
        return bias;
    }

    public double crossover() {
        return crossover;
    }

    public int in() {
        return weight.cols();
    }

    public int out() {
        return weight.rows();
    }

    @Override
    public String toString() {
        return "SparseLinear(" + in() + " -> " + out() + ", density "
                + String.format("%.4f", weight.pattern().density()) + ", " + representation()
                + (gate == null ? "" : gate.isFrozen() ? ", diagonal gate frozen" : ", diagonal gate") + ")";
    }
}

package rewire.autodiff;

import java.util.ArrayList;
import rewire.kernel.Kernels;
import rewire.tensor.Shape;
import rewire.tensor.Tensor;

/**
 * Records the ops of one forward pass so {@link #backward(Var)} can run their gradients in
 * reverse order.
 *
 * <p>Call order per training step: ops record onto the tape during the forward pass, then
 * {@link #backward(Var)} once, then the caller reads what it needs (loss, outputs, gradients),
 * then {@link #clear()}. A tape is meant to be reused across steps: {@code clear()} keeps its
 * buffers, and the k-th buffer an op asks for is the k-th buffer of the previous step when the
 * shape matches, so a steady training loop allocates no tensors. The price: the values and
 * gradients of op results are valid only until the next {@code clear()}. Give evaluation its own
 * tape: its op sequence differs (no dropout, another batch size), and sharing one tape would make
 * both sequences miss their buffers.
 *
 * <p>Backward accumulates: it adds into the gradients of parameters and leaves and never zeroes
 * them; zeroing once per step is the caller's job ({@code Param.zeroGrad()}).
 *
 * <p>Op implementations (in this package or elsewhere) use {@link #output}, {@link #onBackward},
 * {@link #grad} and the scratch methods; users need only the constructor, {@code backward} and
 * {@code clear}. Not thread-safe.
 */
public final class Tape {
    private final Kernels kernels;
    private final Workspace workspace = new Workspace();
    private final ArrayList<Var> outputs = new ArrayList<>();
    private final ArrayList<Backward> backwards = new ArrayList<>();
    private boolean backwardDone;

    /** The gradient step of one op: reads its output's gradient and adds into its inputs' gradients. */
    @FunctionalInterface
    public interface Backward {
        void run();
    }

    /** A tape on the process-wide {@link Kernels#defaults()}. */
    public Tape() {
        this(Kernels.defaults());
    }

    public Tape(Kernels kernels) {
        this.kernels = kernels;
    }

    /** The kernels every op recorded on this tape computes with. */
    public Kernels kernels() {
        return kernels;
    }

    /** Number of ops recorded since the last {@link #clear()} that will run in backward. */
    public int size() {
        return outputs.size();
    }

    /** Forgets the recorded ops and makes the buffers available to the next step. */
    public void clear() {
        outputs.clear();
        backwards.clear();
        workspace.rewind();
        backwardDone = false;
    }

    /**
     * Runs the recorded ops' gradients in reverse order, starting from {@code d loss / d loss = 1}.
     * An op whose output received no gradient is skipped. Allowed once per recording: sum several
     * losses into one first.
     */
    public void backward(Var loss) {
        if (loss.value().size() != 1) {
            throw new IllegalArgumentException("backward needs a scalar loss, got shape " + loss.shape());
        }
        if (!loss.requiresGrad()) {
            throw new IllegalArgumentException("the loss " + loss + " does not depend on anything that requires a gradient");
        }
        if (backwardDone) {
            throw new IllegalStateException("backward already ran on this recording; clear() the tape first");
        }
        backwardDone = true;
        grad(loss).data()[0] += 1f;
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if (outputs.get(i).grad() != null) {
                backwards.get(i).run();
            }
        }
    }

    // ---------------------------------------------------------------- for op implementations

    /**
     * A new op result of the given shape whose value buffer is for the op to overwrite entirely.
     *
     * @param requiresGrad whether any input requires a gradient; see {@link #anyRequiresGrad}
     */
    public Var output(String op, boolean requiresGrad, Shape shape) {
        return Var.result(op, workspace.tensor(shape), requiresGrad);
    }

    /**
     * A new sparse op result on {@code pattern}: a {@link rewire.sparse.CsrMatrix} whose values
     * (a reused {@code (nnz,)} buffer) the op overwrites entirely; its gradient is aligned with them.
     */
    public Var sparseOutput(String op, boolean requiresGrad, rewire.sparse.SparsityPattern pattern) {
        Tensor values = workspace.tensor(Shape.of(pattern.nnz()));
        return Var.sparseResult(op, new rewire.sparse.CsrMatrix(pattern, values.data()), requiresGrad);
    }

    /** {@link #output(String, boolean, Shape)} for a matrix. */
    public Var output(String op, boolean requiresGrad, int rows, int cols) {
        return output(op, requiresGrad, Shape.of(rows, cols));
    }

    /** Records the gradient step of {@code out}'s op, unless {@code out} needs no gradient. */
    public void onBackward(Var out, Backward step) {
        if (out.requiresGrad()) {
            outputs.add(out);
            backwards.add(step);
        }
    }

    /**
     * The gradient of {@code v} for an op's backward to add into: the parameter's or leaf's own
     * gradient, or for an op result a zeroed buffer made on first use.
     */
    public Tensor grad(Var v) {
        assert v.requiresGrad() : "gradient asked of " + v + ", which requires none";
        if (v.grad() == null) {
            v.setGrad(v.tapeOwned() ? workspace.zeros(v.shape()) : Tensor.zeros(v.shape().dims()));
        }
        return v.grad();
    }

    /**
     * Where an op's backward puts {@code v}'s gradient when it computes all of it in one pass: a
     * buffer to overwrite ({@code accumulate == false}) when {@code v} is an op result that has no
     * gradient yet, otherwise {@link #grad}'s buffer to add into. Writing instead of zeroing and
     * adding saves two passes over every activation gradient, which in a 1%-dense network cost as
     * much as the sparse products. The op must write every element when told to overwrite.
     */
    public GradTarget gradTarget(Var v) {
        assert v.requiresGrad() : "gradient asked of " + v + ", which requires none";
        if (v.grad() == null && v.tapeOwned()) {
            v.setGrad(workspace.tensor(v.shape()));
            return new GradTarget(v.grad(), false);
        }
        return new GradTarget(grad(v), true);
    }

    /** A gradient buffer and whether an op adds into it (true) or overwrites all of it (false). */
    public record GradTarget(Tensor tensor, boolean accumulate) {
    }

    /** A reused scratch tensor with unspecified contents, valid until {@link #clear()}. */
    public Tensor scratch(Shape shape) {
        return workspace.tensor(shape);
    }

    /** {@link #scratch(Shape)} for a matrix. */
    public Tensor scratch(int rows, int cols) {
        return workspace.tensor(Shape.of(rows, cols));
    }

    /** A reused scratch int array with unspecified contents, valid until {@link #clear()}. */
    public int[] scratchInts(int length) {
        return workspace.ints(length);
    }

    /** True when any of the (possibly null) variables requires a gradient. */
    public static boolean anyRequiresGrad(Var... vars) {
        for (Var v : vars) {
            if (v != null && v.requiresGrad()) {
                return true;
            }
        }
        return false;
    }
}

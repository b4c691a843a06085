package rewire.sparsity;

import rewire.nn.SparseParam;
import rewire.tensor.Tensor;

/**
 * What the engine sees of one sparse layer at an update step. Only {@code param} is required;
 * the rest is supplied when a part needs it:
 * <ul>
 *   <li>{@code activations} {@code x : (in, B)} and {@code outputGrad} {@code dy : (out, B)} of the
 *       last batch, feature-major, for growth by the dense gradient {@code dy · xᵀ} (RigL, MST,
 *       gradient-based Fantastic-Weights growth). The engine scores it in row tiles and never
 *       builds it whole;</li>
 *   <li>{@code kernelShape}, the full weight shape of a convolution, for Erdos-Renyi-Kernel
 *       allocation (defaults to {@code (rows, cols)});</li>
 *   <li>{@code growState}, the grow criterion's state for this layer (SNFS's dense momentum),
 *       which the engine attaches from its {@link RewireState}; callers leave it out.</li>
 * </ul>
 * The prune criteria read {@code param.grad()}, so the trainer must build the views before it
 * clears gradients. Views are cheap: build fresh ones at every update step.
 *
 * @param param       the sparse weight
 * @param activations {@code x : (cols, B)}, or null
 * @param outputGrad  {@code dy : (rows, B)}, or null (both or neither)
 * @param kernelShape full weight shape whose product is rows * cols and whose first entry is rows, or null
 * @param growState   the grow criterion's state for this layer ({@link CriterionState#none()} when it keeps none)
 */
public record LayerView(SparseParam param, Tensor activations, Tensor outputGrad, int[] kernelShape,
                        CriterionState growState) {

    public LayerView {
        if (param == null) {
            throw new IllegalArgumentException("a layer view needs a parameter");
        }
        if (growState == null) {
            throw new IllegalArgumentException(param.name() + ": a layer view needs a grow state (none() for none)");
        }
        checkBatch(param, activations, outputGrad);
        if (kernelShape != null) {
            kernelShape = kernelShape.clone();
            LayerShape shape = new LayerShape(param.name(), kernelShape);
            if (shape.rows() != param.rows() || shape.cols() != param.cols()) {
                throw new IllegalArgumentException(param.name() + ": kernel shape " + shape
                        + " does not flatten to the weight " + param.rows() + " x " + param.cols());
            }
        }
    }

    /** A view of just the parameter. */
    public static LayerView of(SparseParam param) {
        return new LayerView(param, null, null, null, CriterionState.none());
    }

    /** This view with the last batch's feature-major inputs {@code x : (in, B)} and output gradients {@code dy : (out, B)}. */
    public LayerView withBatch(Tensor x, Tensor dy) {
        return new LayerView(param, x, dy, kernelShape, growState);
    }

    public LayerView withKernelShape(int... dims) {
        return new LayerView(param, activations, outputGrad, dims, growState);
    }

    // the engine attaches the state it keeps for this layer
    LayerView withGrowState(CriterionState state) {
        return new LayerView(param, activations, outputGrad, kernelShape, state);
    }

    /** Whether the dense-gradient inputs are present. */
    public boolean hasBatch() {
        return activations != null;
    }

    /** The shape a {@link Distribution} sees. */
    public LayerShape shape() {
        return kernelShape != null ? new LayerShape(param.name(), kernelShape)
                : LayerShape.matrix(param.name(), param.rows(), param.cols());
    }

    @Override
    public int[] kernelShape() {
        return kernelShape == null ? null : kernelShape.clone();
    }

    private static void checkBatch(SparseParam param, Tensor x, Tensor dy) {
        if ((x == null) != (dy == null)) {
            throw new IllegalArgumentException(param.name() + ": give both activations and output gradients, or neither");
        }
        if (x == null) {
            return;
        }
        if (x.rank() != 2 || dy.rank() != 2 || x.rows() != param.cols() || dy.rows() != param.rows()
                || x.cols() != dy.cols()) {
            throw new IllegalArgumentException(param.name() + " (" + param.rows() + " x " + param.cols()
                    + "): activations " + x.shape() + " must be (" + param.cols() + ", B) and output gradients "
                    + dy.shape() + " (" + param.rows() + ", B) with the same B");
        }
    }
}

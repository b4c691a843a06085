package rewire.nn;

import rewire.autodiff.Var;
import rewire.tensor.Tensor;

/** A dense parameter: a tensor and its gradient of the same shape. */
public final class DenseParam implements Param {
    private final String name;
    private final Tensor value;
    private final Tensor grad;
    private boolean requiresGrad = true;

    public DenseParam(String name, Tensor value) {
        this.name = name;
        this.value = value;
        this.grad = Tensor.zeros(value.shape().dims());
    }

    @Override
    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    public Tensor gradTensor() {
        return grad;
    }

    @Override
    public float[] values() {
        return value.data();
    }

    @Override
    public float[] grad() {
        return grad.data();
    }

    @Override
    public boolean requiresGrad() {
        return requiresGrad;
    }

    @Override
    public void setRequiresGrad(boolean on) {
        requiresGrad = on;
    }

    @Override
    public Var var() {
        return requiresGrad ? Var.param(value, grad) : Var.constant(value);
    }

    @Override
    public String toString() {
        return "DenseParam(" + name + ", " + value.shape() + ")";
    }
}

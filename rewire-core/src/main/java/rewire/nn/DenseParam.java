package rewire.nn;

import rewire.tensor.Tensor;

/** A dense parameter: a tensor and its gradient of the same shape. */
public final class DenseParam implements Param {
    private final String name;
    private final Tensor value;
    private final Tensor grad;

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
    public String toString() {
        return "DenseParam(" + name + ", " + value.shape() + ")";
    }
}

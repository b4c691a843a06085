package rewire.nn;

import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * Layers applied one after another; each one's output is the next one's input. A
 * {@link SparseLinear} directly followed by a ReLU runs as one fused op ({@link SparseLinear#forwardRelu}).
 */
public final class Sequential extends Layer {
    private final List<Layer> layers;

    public Sequential(Layer... layers) {
        this(List.of(layers));
    }

    public Sequential(List<? extends Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a sequential model needs at least one layer");
        }
        this.layers = List.copyOf(layers);
    }

    @Override
    public Var forward(Tape tape, Var x) {
        Var h = x;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof SparseLinear linear && i + 1 < layers.size()
                    && layers.get(i + 1) instanceof Activation a && a.isRelu()) {
                h = linear.forwardRelu(tape, h);  // the same values, one op instead of two
                i++;
            } else {
                h = layers.get(i).forward(tape, h);
            }
        }
        return h;
    }

    @Override
    public List<Module> children() {
        return List.copyOf(layers);
    }

    /** The layers in order. */
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public String toString() {
        return "Sequential" + layers;
    }
}

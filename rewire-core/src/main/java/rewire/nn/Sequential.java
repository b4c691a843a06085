package rewire.nn;

import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/** Modules applied one after another; each one's output is the next one's input. */
public final class Sequential extends Module {
    private final List<Module> layers;

    public Sequential(Module... layers) {
        this(List.of(layers));
    }

    public Sequential(List<Module> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a sequential model needs at least one layer");
        }
        this.layers = List.copyOf(layers);
    }

    @Override
    public Var forward(Tape tape, Var x) {
        Var h = x;
        for (Module layer : layers) {
            h = layer.forward(tape, h);
        }
        return h;
    }

    @Override
    public List<Module> children() {
        return layers;
    }

    @Override
    public String toString() {
        return "Sequential" + layers;
    }
}

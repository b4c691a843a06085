package rewire.models.rl;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.Activation;
import rewire.nn.Layer;
import rewire.nn.LayerNorm;
import rewire.nn.Module;
import rewire.nn.Residual;
import rewire.nn.Sequential;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;

/**
 * A multilayer perceptron in one of the forms of a {@link ModuleArchitecture}: {@code depth}
 * hidden layers of {@code width} units, each a product, an optional layer norm and the
 * activation; or, with residual connections, the first such layer followed by pre-norm blocks
 * {@code x + act(W·LN(x) + b)} (core's {@link Residual}) and a final layer norm; then a linear
 * output layer. Every product is a {@link SparseLinear} made by a {@link LayerMaker}, on the
 * patterns its module's sparsity regime chose (full ones for a dense module).
 *
 * <p>Shapes: {@code x (in, B) -> y (out, B)}. A {@link NeuronTap} after each hidden activation
 * lets {@link Plasticity} read the hidden units.
 */
public final class Mlp extends Layer {
    private final Sequential body;
    private final List<SparseLinear> layers;
    private final List<NeuronTap> taps;

    private Mlp(List<Layer> stages, List<SparseLinear> layers, List<NeuronTap> taps) {
        this.body = new Sequential(stages);
        this.layers = List.copyOf(layers);
        this.taps = List.copyOf(taps);
    }

    /** A network {@code in -> out} named {@code name}, its layers taken from {@code maker} in order. */
    public static Mlp build(String name, int in, int out, ModuleArchitecture arch, int width, LayerMaker maker) {
        List<Layer> stages = new ArrayList<>();
        List<SparseLinear> layers = new ArrayList<>();
        List<NeuronTap> taps = new ArrayList<>();
        int features = in;
        for (int i = 0; i < arch.depth(); i++) {
            String layer = name + ".fc" + i;
            boolean block = arch.residual() && i > 0;
            List<Layer> inner = new ArrayList<>();
            if (block && arch.layerNorm()) {
                inner.add(new LayerNorm(layer + ".ln", width, true));
            }
            SparseLinear product = maker.make(layer, features, width);
            layers.add(product);
            inner.add(product);
            if (!block && arch.layerNorm()) {
                inner.add(new LayerNorm(layer + ".ln", width, true));
            }
            inner.add(activation(arch));
            NeuronTap tap = new NeuronTap();
            taps.add(tap);
            inner.add(tap);
            if (block) {
                stages.add(new Residual(new Sequential(inner)));
            } else {
                stages.addAll(inner);
            }
            features = width;
        }
        if (arch.residual() && arch.layerNorm() && arch.depth() > 1) {
            stages.add(new LayerNorm(name + ".ln", width, true));
        }
        SparseLinear head = maker.make(name + ".out", features, out);
        layers.add(head);
        stages.add(head);
        return new Mlp(stages, layers, taps);
    }

    private static Activation activation(ModuleArchitecture arch) {
        return switch (arch.activation()) {
            case RELU -> Activation.relu();
            case ELU -> Activation.elu();
        };
    }

    /** {@code x (in, B) -> y (out, B)}. */
    @Override
    public Var forward(Tape tape, Var x) {
        return body.forward(tape, x);
    }

    @Override
    public List<Module> children() {
        return List.of(body);
    }

    /** The weight layers in order, the output layer last. */
    public List<SparseLinear> layers() {
        return layers;
    }

    List<NeuronTap> taps() {
        return taps;
    }

    /**
     * The layers for FLOP accounting: at full density when {@code dense}, applied {@code positions}
     * times per example; the first layer computes an input gradient only when {@code inputGradient}
     * (its input comes from a trained module rather than from data).
     */
    public List<FlopCounter.Layer> flopLayers(boolean dense, boolean inputGradient, int positions) {
        List<FlopCounter.Layer> out = new ArrayList<>();
        for (SparseLinear l : layers) {
            long nnz = dense ? (long) l.in() * l.out() : l.weight().pattern().nnz();
            boolean gradient = l != layers.get(0) || inputGradient;
            out.add(new FlopCounter.Layer(l.weight().name(), l.in(), l.out(), nnz, dense, gradient, positions));
        }
        return out;
    }

    /** Forward FLOPs of one column: {@code Σ 2·nnz} over the layers, or {@code Σ 2·in·out} for the dense twin. */
    public long forwardFlops(boolean dense) {
        long flops = 0;
        for (SparseLinear l : layers) {
            flops += 2L * (dense ? (long) l.in() * l.out() : l.weight().pattern().nnz());
        }
        return flops;
    }

    @Override
    public String toString() {
        return "Mlp" + layers.stream().map(l -> l.in() + "->" + l.out()).toList();
    }
}

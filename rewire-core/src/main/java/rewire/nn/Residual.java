package rewire.nn;

import java.util.List;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * A residual connection around a layer: {@code y = x + f(x)} (He et al., "Deep Residual Learning
 * for Image Recognition", CVPR 2016), for {@code f} that keeps the shape. With {@code f} starting
 * with a {@link LayerNorm} this is the pre-norm block of transformers and of the scaled-up
 * reinforcement-learning networks (Xiong et al., "On Layer Normalization in the Transformer
 * Architecture", ICML 2020; Lee et al., "SimBa", ICLR 2025): {@code x + W2·act(W1·LN(x))}. The skip
 * path carries the input unchanged, so a deep stack starts close to the identity and its gradient
 * reaches the first layers undamped.
 */
public final class Residual extends Layer {
    private final Layer inner;

    /** {@code x + inner(x)}; {@code inner} must map {@code (F, B)} to {@code (F, B)}. */
    public Residual(Layer inner) {
        this.inner = inner;
    }

    /** {@code x (F, B) -> x + inner(x) (F, B)}. */
    @Override
    public Var forward(Tape tape, Var x) {
        Var fx = inner.forward(tape, x);
        if (!fx.shape().equals(x.shape())) {
            throw new IllegalArgumentException("residual: the inner layer " + inner + " maps " + x.shape() + " to "
                    + fx.shape() + "; a residual connection needs the same shape");
        }
        return Ops.add(tape, x, fx);
    }

    @Override
    public List<Module> children() {
        return List.of(inner);
    }

    /** The layer the skip connection goes around. */
    public Layer inner() {
        return inner;
    }

    @Override
    public String toString() {
        return "Residual(" + inner + ")";
    }
}

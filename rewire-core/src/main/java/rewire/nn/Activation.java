package rewire.nn;

import rewire.autodiff.Activations;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/** A pointwise nonlinearity as a module; any shape in, the same shape out. */
public final class Activation extends Layer {
    private enum Kind { RELU, ELU, GELU, TANH, SIGMOID, LEAKY_RELU }

    private final Kind kind;
    private final double slope;

    private Activation(Kind kind, double slope) {
        this.kind = kind;
        this.slope = slope;
    }

    private Activation(Kind kind) {
        this(kind, 0);
    }

    public static Activation relu() {
        return new Activation(Kind.RELU);
    }

    /** ELU with α = 1 (see {@link Activations#elu}). */
    public static Activation elu() {
        return new Activation(Kind.ELU);
    }

    /** GELU in its tanh approximation (see {@link Activations#gelu}). */
    public static Activation gelu() {
        return new Activation(Kind.GELU);
    }

    public static Activation tanh() {
        return new Activation(Kind.TANH);
    }

    public static Activation sigmoid() {
        return new Activation(Kind.SIGMOID);
    }

    /** Leaky ReLU with this negative slope (see {@link Activations#leakyRelu}). */
    public static Activation leakyRelu(double slope) {
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException("leaky ReLU slope must be in [0, 1), got " + slope);
        }
        return new Activation(Kind.LEAKY_RELU, slope);
    }

    /** Whether this is a ReLU, which a preceding {@link SparseLinear} can fuse into its product. */
    public boolean isRelu() {
        return kind == Kind.RELU;
    }

    @Override
    public Var forward(Tape tape, Var x) {
        return switch (kind) {
            case RELU -> Activations.relu(tape, x);
            case ELU -> Activations.elu(tape, x);
            case GELU -> Activations.gelu(tape, x);
            case TANH -> Activations.tanh(tape, x);
            case SIGMOID -> Activations.sigmoid(tape, x);
            case LEAKY_RELU -> Activations.leakyRelu(tape, x, slope);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.LEAKY_RELU ? "LeakyRelu(" + slope + ")"
                : kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}

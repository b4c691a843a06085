package rewire.nn;

import java.util.List;
import rewire.autodiff.RecurrentOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * A gated recurrent unit layer ({@link RecurrentOps#gru}) with two sparse weights, each a
 * {@link SparseLinear} the DST engine can rewire: the input projection {@code W_i (3H, in)} with
 * bias {@code b_i}, applied to every step of a sequence at once, and the recurrent weight
 * {@code W_h (3H, H)} with bias {@code b_h}, applied inside the recurrence. Rows are ordered
 * reset, update, candidate. Parameters are named {@code <name>.input.*} and {@code <name>.hidden.*}.
 *
 * <p>Shapes: a sequence {@code x (in, T·N)} (column {@code t·N + j} is example {@code j} at step
 * {@code t}) and an initial state {@code h0 (H, N)} give the states {@code (H, T·N)}.
 */
public final class Gru extends Module {
    private final SparseLinear input;
    private final SparseLinear hidden;

    public Gru(SparseLinear input, SparseLinear hidden) {
        int h = hidden.in();
        if (hidden.out() != 3 * h || input.out() != 3 * h) {
            throw new IllegalArgumentException("gru: recurrent weight " + hidden.out() + " x " + hidden.in()
                    + " must be (3H, H) and input weight " + input.out() + " x " + input.in() + " (3H, in)");
        }
        this.input = input;
        this.hidden = hidden;
    }

    /** A GRU on the given patterns ({@code (3H, in)} and {@code (3H, H)}), Kaiming-normal weights, zero biases. */
    public static Gru create(String name, SparsityPattern inputPattern, SparsityPattern hiddenPattern, Rng rng) {
        return new Gru(SparseLinear.create(name + ".input", inputPattern, true, Init.kaimingNormal(),
                        SparseLinear.DEFAULT_CROSSOVER, rng),
                SparseLinear.create(name + ".hidden", hiddenPattern, true, Init.kaimingNormal(),
                        SparseLinear.DEFAULT_CROSSOVER, rng));
    }

    /** The states of a sequence of {@code steps} steps: {@code x (in, T·N)}, {@code h0 (H, N)} → {@code (H, T·N)}. */
    public Var forward(Tape tape, Var x, Var h0, int steps) {
        Var gi = input.forward(tape, x);  // (3H, T·N) = W_i · x + b_i
        SparseParam w = hidden.weight();
        Var b = hidden.bias() == null ? null : hidden.bias().var();
        RecurrentOps.GruSequence seq = RecurrentOps.gru(tape, gi, w.var(), b, h0, steps);
        hidden.recordBatch(seq.previous(), seq.product());
        return seq.hidden();
    }


    @Override
    public List<Module> children() {
        return List.of(input, hidden);
    }

    /** The state size H. */
    public int hiddenSize() {
        return hidden.in();
    }

    public SparseLinear input() {
        return input;
    }

    public SparseLinear hidden() {
        return hidden;
    }

    @Override
    public String toString() {
        return "Gru(" + input.in() + " -> " + hiddenSize() + ")";
    }
}

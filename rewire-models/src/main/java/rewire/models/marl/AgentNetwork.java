package rewire.models.marl;

import java.util.List;
import rewire.autodiff.Activations;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.Gru;
import rewire.nn.Module;
import rewire.nn.SparseLinear;
import rewire.tensor.Tensor;

/**
 * The recurrent agent network of QMIX (Rashid et al., "QMIX: Monotonic Value Function
 * Factorisation for Deep Multi-Agent Reinforcement Learning", ICML 2018), as pymarl builds it:
 * {@code fc → ReLU → GRU → fc}, one utility per action. One network is shared by all agents; the
 * input carries the agent's one-hot id and its one-hot last action ({@link AgentInputs}). Every
 * weight is a {@link SparseLinear}, so the DST engine can rewire all of them.
 *
 * <p>Shapes: a sequence of inputs {@code (in, T·N)} with {@code N = episodes · agents} columns per
 * step and initial states {@code (H, N)} give utilities {@code (A, T·N)} and states {@code (H, T·N)}.
 */
public final class AgentNetwork extends Module {
    private final SparseLinear input;
    private final Gru gru;
    private final SparseLinear output;

    public AgentNetwork(SparseLinear input, Gru gru, SparseLinear output) {
        if (input.out() != gru.input().in() || gru.hiddenSize() != output.in()) {
            throw new IllegalArgumentException("agent network: layers do not chain: " + input + ", " + gru + ", "
                    + output);
        }
        this.input = input;
        this.gru = gru;
        this.output = output;
    }

    /** Utilities and states of one sequence. */
    public record Outputs(Var q, Var hidden) {
        /** The states after the last step, {@code (H, N)}, copied out of the sequence. */
        public Tensor lastHidden(int steps) {
            Tensor all = hidden.value();
            int n = all.cols() / steps;
            Tensor last = Tensor.zeros(all.rows(), n);
            for (int r = 0; r < all.rows(); r++) {
                System.arraycopy(all.data(), r * all.cols() + (steps - 1) * n, last.data(), r * n, n);
            }
            return last;
        }
    }

    /** {@code x (in, T·N)}, {@code h0 (H, N)} → utilities {@code (A, T·N)} and states {@code (H, T·N)}. */
    public Outputs forward(Tape tape, Tensor x, Tensor h0, int steps) {
        Var a = Activations.relu(tape, input.forward(tape, Var.constant(x)));
        Var h = gru.forward(tape, a, Var.constant(h0), steps);
        return new Outputs(output.forward(tape, h), h);
    }


    @Override
    public List<Module> children() {
        return List.of(input, gru, output);
    }

    /** The weights in model order: input, GRU input, GRU recurrent, output. */
    public List<SparseLinear> layers() {
        return List.of(input, gru.input(), gru.hidden(), output);
    }

    public int inputSize() {
        return input.in();
    }

    public int hiddenSize() {
        return gru.hiddenSize();
    }

    public int actions() {
        return output.out();
    }
}

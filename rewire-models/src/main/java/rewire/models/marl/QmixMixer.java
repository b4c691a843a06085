package rewire.models.marl;

import java.util.List;
import rewire.autodiff.Activations;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.models.rl.LayerMaker;
import rewire.models.rl.RlOps;
import rewire.nn.Module;
import rewire.nn.SparseLinear;
import rewire.tensor.Tensor;

/**
 * The QMIX mixing network (Rashid et al., "QMIX: Monotonic Value Function Factorisation for Deep
 * Multi-Agent Reinforcement Learning", ICML 2018), as pymarl builds it with two-layer
 * hypernetworks. From the state {@code s}, hypernetworks produce the mixing weights, made
 * non-negative by an absolute value so that {@code ∂Q_tot/∂Q_i ≥ 0} (monotonicity):
 * <pre>
 * W1 = |hw1(s)| (n·E)     b1 = hb1(s) (E)     W2 = |hw2(s)| (E)     V = v(s) (1)
 * Q_tot = W2 · elu(Q W1 + b1) + V
 * </pre>
 * with {@code hw1, hw2 = Linear(S, H) → ReLU → Linear(H, ·)}, {@code hb1 = Linear(S, E)} and
 * {@code v = Linear(S, E) → ReLU → Linear(E, 1)}; pymarl's sizes are {@code H = 64}
 * (hypernet_embed) and {@code E = 32} (mixing_embed_dim). Every weight is a {@link SparseLinear}.
 */
public final class QmixMixer implements Mixer {
    private final SparseLinear w1In;
    private final SparseLinear w1Out;
    private final SparseLinear b1;
    private final SparseLinear w2In;
    private final SparseLinear w2Out;
    private final SparseLinear vIn;
    private final SparseLinear vOut;
    private final int agents;

    /** Builds the hypernetworks for {@code agents} agents and states of {@code stateSize}. */
    public QmixMixer(LayerMaker maker, int agents, int stateSize, int hyperHidden, int embed) {
        if (agents < 1 || hyperHidden < 1 || embed < 1) {
            throw new IllegalArgumentException("QMIX needs agents, hypernet hidden and embed sizes >= 1, got " + agents
                    + ", " + hyperHidden + ", " + embed);
        }
        this.agents = agents;
        w1In = maker.make("mixer.hyperW1.0", stateSize, hyperHidden);
        w1Out = maker.make("mixer.hyperW1.1", hyperHidden, agents * embed);
        b1 = maker.make("mixer.hyperB1", stateSize, embed);
        w2In = maker.make("mixer.hyperW2.0", stateSize, hyperHidden);
        w2Out = maker.make("mixer.hyperW2.1", hyperHidden, embed);
        vIn = maker.make("mixer.v.0", stateSize, embed);
        vOut = maker.make("mixer.v.1", embed, 1);
    }

    @Override
    public Var mix(Tape tape, Var agentValues, Tensor states) {
        if (agentValues.value().rows() != agents || agentValues.value().cols() != states.cols()) {
            throw new IllegalArgumentException("QMIX: agent values " + agentValues.shape() + " must be (" + agents
                    + ", M) for states " + states.shape());
        }
        Var s = Var.constant(states);
        Var w1 = MarlOps.abs(tape, twoLayers(tape, w1In, w1Out, s));        // (n·E, M)
        Var hidden = MarlOps.mixAgents(tape, agentValues, w1);              // (E, M)
        hidden = Activations.elu(tape, Ops.add(tape, hidden, b1.forward(tape, s)));
        Var w2 = MarlOps.abs(tape, twoLayers(tape, w2In, w2Out, s));        // (E, M)
        Var q = RlOps.sumRows(tape, Ops.mul(tape, hidden, w2));           // (1, M)
        return Ops.add(tape, q, twoLayers(tape, vIn, vOut, s));
    }

    private static Var twoLayers(Tape tape, SparseLinear first, SparseLinear second, Var x) {
        return second.forward(tape, Activations.relu(tape, first.forward(tape, x)));
    }

    @Override
    public List<Module> modules() {
        return List.<Module>copyOf(layers());
    }

    @Override
    public List<SparseLinear> layers() {
        return List.of(w1In, w1Out, b1, w2In, w2Out, vIn, vOut);
    }

    @Override
    public List<SparseLinear> inputLayers() {
        return List.of(w1In, b1, w2In, vIn);
    }

    @Override
    public String toString() {
        return "QMIX(" + agents + " agents, hypernet " + w1In.out() + ", embed " + b1.out() + ")";
    }
}

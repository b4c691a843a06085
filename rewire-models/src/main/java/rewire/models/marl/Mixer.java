package rewire.models.marl;

import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.models.rl.RlOps;
import rewire.nn.Module;
import rewire.nn.SparseLinear;
import rewire.tensor.Tensor;

/**
 * Combines per-agent utilities into the joint value {@code Q_tot}, possibly conditioned on the
 * global state, for centralised training with decentralised execution.
 */
public interface Mixer {

    /** {@code agentValues (n, M)} and {@code states (S, M)} → {@code Q_tot (1, M)}. */
    Var mix(Tape tape, Var agentValues, Tensor states);

    /** The modules holding the mixer's parameters (none for VDN). */
    List<Module> modules();

    /** The mixer's weights, in model order. */
    List<SparseLinear> layers();

    /** The layers whose input is the state (data), which need no input gradient. */
    default List<SparseLinear> inputLayers() {
        return List.of();
    }

    /**
     * VDN (Sunehag et al., "Value-Decomposition Networks for Cooperative Multi-Agent Learning",
     * AAMAS 2018): {@code Q_tot = Σ_i Q_i}, no parameters.
     */
    static Mixer vdn() {
        return new Mixer() {
            @Override
            public Var mix(Tape tape, Var agentValues, Tensor states) {
                return RlOps.sumRows(tape, agentValues);
            }

            @Override
            public List<Module> modules() {
                return List.of();
            }

            @Override
            public List<SparseLinear> layers() {
                return List.of();
            }

            @Override
            public String toString() {
                return "VDN";
            }
        };
    }
}

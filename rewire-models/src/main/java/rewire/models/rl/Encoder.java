package rewire.models.rl;

import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Tensor;

/**
 * The encoder of MR.Q (Fujimoto et al., "Towards General-Purpose Model-Free Reinforcement
 * Learning", ICLR 2025): a state network {@code zs = AvgL1Norm(f(s))} whose latent state the
 * critic and the actor read, and a model {@code g(zs, a)} that predicts the next latent state and
 * the reward. It is trained by that self-predictive objective alone ({@link EncoderObjective});
 * the value and policy losses never reach it. Shapes: {@code s (obs, B) -> zs (latent, B)};
 * {@code (zs, a) (latent + actionInputs, B) -> (latent + 1, B)}, the last row the reward.
 */
public final class Encoder extends AgentModule {
    private final Mlp state;
    private final Mlp model;
    private final int latent;

    /** Builds both networks from {@code maker}: the state network, then the model. */
    public Encoder(int observations, int actionInputs, int latent, ModuleArchitecture arch, int width,
                   LayerMaker maker) {
        this.state = Mlp.build("encoder.state", observations, latent, arch, width, maker);
        this.model = Mlp.build("encoder.model", latent + actionInputs, latent + 1, arch, width, maker);
        this.latent = latent;
    }

    /** {@code s (obs, B) -> zs (latent, B)}. */
    public Var encode(Tape tape, Var observations) {
        return RlOps.avgL1Norm(tape, state.forward(tape, observations));
    }

    /** {@code zs (latent, B)}, action inputs {@code (actionInputs, B)} -> predicted {@code (zs', r) (latent + 1, B)}. */
    public Var predict(Tape tape, Var zs, Tensor actionInputs) {
        return model.forward(tape, RlOps.concatRows(tape, zs, Var.constant(actionInputs)));
    }

    public int latent() {
        return latent;
    }

    /** The state network alone, which acting runs. */
    public Mlp stateNetwork() {
        return state;
    }

    @Override
    public List<Mlp> networks() {
        return List.of(state, model);
    }

    @Override
    protected boolean fedByModule(int index) {
        return index == 1;
    }
}

package rewire.models.rl;

import java.util.List;
import rewire.autodiff.Activations;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/** TD3's policy: {@code zs (latent, B) -> a = tanh(π(zs)) (actions, B)} in {@code [-1, 1]}. */
public final class DeterministicActor extends AgentModule {
    private final Mlp net;

    public DeterministicActor(int latent, int actions, ModuleArchitecture arch, int width, LayerMaker maker) {
        this.net = Mlp.build("actor.pi", latent, actions, arch, width, maker);
    }

    /** {@code zs (latent, B) -> (actions, B)}. */
    public Var act(Tape tape, Var zs) {
        return Activations.tanh(tape, net.forward(tape, zs));
    }

    @Override
    public List<Mlp> networks() {
        return List.of(net);
    }
}

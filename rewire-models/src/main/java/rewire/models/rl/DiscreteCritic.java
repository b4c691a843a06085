package rewire.models.rl;

import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/** DQN's value network on the latent state: {@code zs (latent, B) -> Q(s, ·) (actions, B)}. */
public final class DiscreteCritic extends AgentModule {
    private final Mlp q;

    public DiscreteCritic(int latent, int actions, ModuleArchitecture arch, int width, LayerMaker maker) {
        this.q = Mlp.build("critic.q", latent, actions, arch, width, maker);
    }

    /** {@code zs (latent, B) -> (actions, B)}. */
    public Var q(Tape tape, Var zs) {
        return q.forward(tape, zs);
    }

    @Override
    public List<Mlp> networks() {
        return List.of(q);
    }
}

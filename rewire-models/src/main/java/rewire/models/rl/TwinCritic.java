package rewire.models.rl;

import java.util.List;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * Two state-action value networks, as SAC and TD3 learn them to curb overestimation by the smaller
 * of the two (Fujimoto et al., "Addressing Function Approximation Error in Actor-Critic Methods",
 * ICML 2018): {@code (zs, a) (latent + actions, B) -> Q1, Q2 (1, B)}.
 */
public final class TwinCritic extends AgentModule {
    private final Mlp q1;
    private final Mlp q2;

    public TwinCritic(int latent, int actions, ModuleArchitecture arch, int width, LayerMaker maker) {
        this.q1 = Mlp.build("critic.q1", latent + actions, 1, arch, width, maker);
        this.q2 = Mlp.build("critic.q2", latent + actions, 1, arch, width, maker);
    }

    /** Both values of {@code (zs, a)}. */
    public record Values(Var q1, Var q2) {
        /** The twin critics' regression loss on targets {@code y (B)}: the sum of both squared errors. */
        public Var loss(Tape tape, float[] y) {
            return Ops.add(tape, RlOps.squaredError(tape, q1, y), RlOps.squaredError(tape, q2, y));
        }
    }

    /** {@code zs (latent, B)}, {@code a (actions, B)} -> both values {@code (1, B)}. */
    public Values q(Tape tape, Var zs, Var action) {
        Var input = RlOps.concatRows(tape, zs, action);
        return new Values(q1.forward(tape, input), q2.forward(tape, input));
    }

    /** The first value alone (TD3's actor loss). */
    public Var q1(Tape tape, Var zs, Var action) {
        return q1.forward(tape, RlOps.concatRows(tape, zs, action));
    }

    @Override
    public List<Mlp> networks() {
        return List.of(q1, q2);
    }
}

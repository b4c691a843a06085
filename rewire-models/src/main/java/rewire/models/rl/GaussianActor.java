package rewire.models.rl;

import java.util.List;
import rewire.autodiff.Activations;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Tensor;

/**
 * SAC's policy (Haarnoja et al., "Soft Actor-Critic Algorithms and Applications", 2018): a
 * Gaussian over pre-squash actions whose mean and log standard deviation one network gives,
 * squashed by tanh into {@code [-1, 1]}. The log standard deviation is bounded smoothly to
 * {@code [-5, 2]} ({@code -5 + 3.5 (tanh(raw) + 1)}, as CleanRL's SAC). Shapes:
 * {@code zs (latent, B) -> (2·actions, B)}: mean rows first.
 */
public final class GaussianActor extends AgentModule {
    static final double LOG_STD_MIN = -5;
    static final double LOG_STD_MAX = 2;
    private final Mlp net;
    private final int actions;

    public GaussianActor(int latent, int actions, ModuleArchitecture arch, int width, LayerMaker maker) {
        this.net = Mlp.build("actor.pi", latent, 2 * actions, arch, width, maker);
        this.actions = actions;
    }

    /** An action {@code a = tanh(μ + σ ε)} and its log-density {@code (1, B)}, differentiable in the parameters. */
    public record Sample(Var action, Var logProb) {
    }

    /** Samples with the reparameterization trick from standard-normal {@code noise (actions, B)}. */
    public Sample sample(Tape tape, Var zs, Tensor noise) {
        Var out = net.forward(tape, zs);
        Var mean = RlOps.sliceRows(tape, out, 0, actions);
        Var logStd = logStd(tape, RlOps.sliceRows(tape, out, actions, 2 * actions));
        Var u = Ops.add(tape, mean, Ops.mul(tape, RlOps.exp(tape, logStd), Var.constant(noise)));
        return new Sample(Activations.tanh(tape, u), RlOps.squashedLogProb(tape, logStd, u, noise));
    }

    /** The deterministic action {@code tanh(μ)}, for evaluation. */
    public Var mode(Tape tape, Var zs) {
        return Activations.tanh(tape, RlOps.sliceRows(tape, net.forward(tape, zs), 0, actions));
    }

    private static Var logStd(Tape tape, Var raw) {
        double half = 0.5 * (LOG_STD_MAX - LOG_STD_MIN);
        return RlOps.affine(tape, Activations.tanh(tape, raw), half, LOG_STD_MIN + half);
    }

    public int actions() {
        return actions;
    }

    @Override
    public List<Mlp> networks() {
        return List.of(net);
    }
}

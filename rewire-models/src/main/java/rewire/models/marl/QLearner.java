package rewire.models.marl;

import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.models.rl.RlOps;
import rewire.models.rl.TargetNetwork;
import rewire.tensor.Tensor;

/**
 * The value-decomposition Q-learning loss of QMIX and VDN on a batch of episodes (pymarl's
 * QLearner): the online agent network unrolls every episode from the zero state, the utilities
 * of the actions taken are mixed into {@code Q_tot(s_t, u_t)}, and the target is built from the
 * target networks: each agent's next value by the {@link BootstrapOperator}, mixed by the target
 * mixer at the next state, turned into one-step, n-step or TD(λ) returns by the
 * {@link TargetSchedule}. The loss is the squared TD error averaged over real (unpadded) steps.
 */
public final class QLearner {
    private final TargetNetwork<QNetworks> networks;
    private final BootstrapOperator operator;
    private final SoftMellowmax softMellowmax;
    private final TargetSchedule targets;
    private final Tape targetTape;

    /**
     * @param softMellowmax the operator's parameters; only read by {@link BootstrapOperator#SOFT_MELLOWMAX}
     * @param targetTape    a tape of its own for the target networks' forward pass
     */
    public QLearner(TargetNetwork<QNetworks> networks, BootstrapOperator operator, SoftMellowmax softMellowmax,
                    TargetSchedule targets, Tape targetTape) {
        if (operator == BootstrapOperator.SOFT_MELLOWMAX && softMellowmax == null) {
            throw new IllegalArgumentException("the soft mellowmax bootstrap needs its omega and alpha");
        }
        this.networks = networks;
        this.operator = operator;
        this.softMellowmax = softMellowmax;
        this.targets = targets;
        this.targetTape = targetTape;
    }

    /** The loss and the targets it regressed on. */
    public record Loss(Var loss, Var qTotal, float[] targets) {
    }

    /** Records the loss of {@code batch} on {@code tape}, with targets in force at {@code envSteps}. */
    public Loss loss(Tape tape, EpisodeBatch batch, long envSteps) {
        networks.followTopology();
        int n = batch.dims().agents();
        int episodes = batch.episodes();
        int points = batch.steps() + 1;
        Tensor h0 = Tensor.zeros(networks.online().agent().hiddenSize(), episodes * n);
        // online utilities at every decision point: (A, (T+1)·B·n)
        AgentNetwork.Outputs online = networks.online().agent().forward(tape, batch.agentInputs(), h0, points);
        float[] y = targets.at(envSteps).compute(batch, bootstrap(batch, online.q().value(), h0));
        Var chosen = RlOps.gatherChosen(tape, online.q(), batch.actions(), n);          // (n, T·B)
        Var qTotal = networks.online().mixer().mix(tape, chosen, batch.statesBeforeEnd()); // (1, T·B)
        return new Loss(RlOps.maskedSquaredError(tape, qTotal, y, batch.mask()), qTotal, y);
    }

    // V̂ at every decision point t·B + b (zero at t = 0, which no target reads), from the target networks
    private float[] bootstrap(EpisodeBatch batch, Tensor onlineQ, Tensor h0) {
        targetTape.clear();
        int episodes = batch.episodes();
        int steps = batch.steps();
        QNetworks target = networks.target();
        Tensor targetQ = target.agent().forward(targetTape, batch.agentInputs(), h0, steps + 1).q().value();
        Tensor values = operator.values(targetQ, onlineQ, batch, softMellowmax);        // (n, (T+1)·B)
        Tensor next = EpisodeBatch.columns(values, episodes, steps * episodes);          // points 1 … T
        Tensor mixed = target.mixer().mix(targetTape, Var.constant(next), batch.statesAfterStart()).value();
        float[] out = new float[(steps + 1) * episodes];
        System.arraycopy(mixed.data(), 0, out, episodes, steps * episodes);
        targetTape.clear();
        return out;
    }

    public TargetNetwork<QNetworks> networks() {
        return networks;
    }
}

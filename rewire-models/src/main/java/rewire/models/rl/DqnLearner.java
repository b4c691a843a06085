package rewire.models.rl;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.models.rl.env.ActionSpace;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.ParamGroup;
import rewire.train.StepContext;

/**
 * DQN (Mnih et al., "Human-level control through deep reinforcement learning", Nature 2015) with
 * double Q-learning targets (van Hasselt, Guez and Silver, AAAI 2016) on the encoder's latent
 * state: {@code y = r + γ (1 − d) Q_target(zs'_target, argmax_a Q(zs', a))}, squared TD error,
 * epsilon-greedy acting. The target networks (critic and encoder) are hard copies every
 * {@code targetUpdateEvery} steps, or Polyak averages at {@code τ} every step, and follow the
 * online masks in between. Groups: "encoder", "critic".
 */
public final class DqnLearner implements Learner {
    private final LearnerCore<DiscreteCritic> core;
    private final DqnSettings dqn;
    private final int actions;

    DqnLearner(Agent agent, AgentSettings settings, DqnSettings dqn, Architectures net, int observations,
                      ActionSpace.Discrete actions, Tape targetTape, ForwardTally tally) {
        this.core = LearnerCore.build(agent, settings, net, observations, actions, DiscreteCritic::new, actions.n(),
                1, targetTape, tally);
        this.dqn = dqn;
        this.actions = actions.n();
    }

    @Override
    public List<ParamGroup> groups() {
        return core.groups();
    }

    @Override
    public AgentModule module(Role role) {
        return core.module(role, null);
    }

    @Override
    public List<TargetNetwork<?>> targets() {
        return core.targets();
    }

    @Override
    public int criticUpdates() {
        return 1;
    }

    @Override
    public void act(Tape tape, Tensor observations, boolean explore, long envSteps, Rng rng, float[][] out) {
        tape.clear();
        Var zs = core.encoder().online().encode(tape, Var.constant(observations));
        Tensor q = core.critic().online().q(tape, zs).value();
        int n = observations.cols();
        double epsilon = explore ? dqn.epsilon().at(envSteps) : 0;
        for (int c = 0; c < n; c++) {
            out[c][0] = rng.nextDouble() < epsilon ? rng.nextInt(actions) : argmax(q, c);
        }
        tape.clear();
    }

    private static int argmax(Tensor q, int column) {
        int best = 0;
        for (int a = 1; a < q.rows(); a++) {
            if (q.get(a, column) > q.get(best, column)) {
                best = a;
            }
        }
        return best;
    }

    @Override
    public Losses update(StepContext context, Supplier<ReplayBuffer.Batch> batches, Rng rng) {
        ReplayBuffer.Batch batch = batches.get();
        EncoderObjective.Latents latents = core.objective().update(context, core.targetTape(), batch);
        float[] y = targets(batch, latents.nextTarget());
        Tape tape = context.tape();
        Var q = core.critic().online().q(tape, Var.constant(latents.zs()));                         // (A, B)
        int[] chosen = new int[batch.size()];
        for (int c = 0; c < chosen.length; c++) {
            chosen[c] = (int) batch.actions().data()[c];
        }
        Var loss = RlOps.squaredError(tape, RlOps.gatherChosen(tape, q, chosen, 1), y);
        double meanQ = RlTensors.mean(q.value());
        context.backward(loss);
        context.update(core.criticGroup());
        context.clearTape();
        if (dqn.targetUpdateEvery() == 0) {
            core.critic().softUpdate(core.settings().tau());
            core.encoder().softUpdate(core.settings().tau());
        } else if ((context.step() + 1) % dqn.targetUpdateEvery() == 0) {
            core.critic().hardUpdate();
            core.encoder().hardUpdate();
        } else {
            core.critic().followTopology();
            core.encoder().followTopology();
        }
        return new Losses(loss.item(), latents.loss(), Double.NaN, Map.of("q", meanQ));
    }

    // y_b = r_b + γ (1 − d_b) Q_target(zs'_target, argmax_a Q_online(zs'_online, a)), without gradient
    private float[] targets(ReplayBuffer.Batch batch, Tensor nextTarget) {
        core.targetTape().clear();
        Tensor nextOnline = core.encoder().online().encode(core.targetTape(), Var.constant(batch.nextObservations()))
                .value();
        Tensor online = core.critic().online().q(core.targetTape(), Var.constant(nextOnline)).value();
        Tensor target = core.critic().target().q(core.targetTape(), Var.constant(nextTarget)).value();
        int b = batch.size();
        core.tally().add(core.encoder().online().stateNetwork(), b, 1);
        core.tally().add(core.critic().online(), b, 1);
        core.tally().add(core.critic().target(), b, 1);
        float[] y = new float[b];
        for (int c = 0; c < b; c++) {
            y[c] = batch.bootstrapped(c, core.settings().gamma(), target.get(argmax(online, c), c));
        }
        core.targetTape().clear();
        return y;
    }

    @Override
    public Tensor probe(Tape tape, ReplayBuffer.Batch batch) {
        Var zs = core.probeEncoder(tape, batch);
        core.critic().online().q(tape, zs);
        return zs.value().copy();
    }

    @Override
    public Map<String, Double> status(long envSteps) {
        return Map.of("epsilon", dqn.epsilon().at(envSteps));
    }

    @Override
    public List<Mlp> actingNetworks() {
        return List.of(core.encoder().online().stateNetwork(), core.critic().online().networks().get(0));
    }
}

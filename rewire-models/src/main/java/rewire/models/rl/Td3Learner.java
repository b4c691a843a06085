package rewire.models.rl;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.models.rl.env.ActionSpace;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.ParamGroup;
import rewire.train.StepContext;

/**
 * TD3 (Fujimoto, van Hoof and Meger, "Addressing Function Approximation Error in Actor-Critic
 * Methods", ICML 2018) on the encoder's latent state. One training step is the policy delay's
 * worth of TD3: {@code policyDelay} batches, each updating the encoder and the twin critics on
 * {@code y = r + γ (1 − d) min_i Q_i,target(zs', clip(π_target(zs') + clip(N(0, σ), ±c), ±1))},
 * then one actor update maximizing {@code Q1(zs, π(zs))} and Polyak updates of every target. The
 * critic and encoder FLOP layers count {@code policyDelay} passes per example accordingly.
 * Groups: "encoder", "critic", "actor".
 */
public final class Td3Learner implements Learner {
    private final LearnerCore<TwinCritic> core;
    private final TargetNetwork<DeterministicActor> actor;
    private final ParamGroup actorGroup;
    private final Td3Settings td3;
    private final int actions;

    Td3Learner(Agent agent, AgentSettings settings, Td3Settings td3, Architectures net, int observations,
                      ActionSpace.Box actions, Tape targetTape, ForwardTally tally) {
        int a = actions.dims();
        this.core = LearnerCore.build(agent, settings, net, observations, actions, TwinCritic::new, a,
                td3.policyDelay(), targetTape, tally);
        Agent.Built<DeterministicActor> pi = LearnerCore.head(agent, net, Role.ACTOR, DeterministicActor::new,
                settings.latent(), a, true);
        this.actor = pi.target();
        this.actorGroup = agent.group(Role.ACTOR, pi, 1);
        this.td3 = td3;
        this.actions = a;
    }

    @Override
    public List<ParamGroup> groups() {
        return core.groups(actorGroup);
    }

    @Override
    public AgentModule module(Role role) {
        return core.module(role, actor.online());
    }

    @Override
    public List<TargetNetwork<?>> targets() {
        return core.targets(actor);
    }

    @Override
    public int criticUpdates() {
        return td3.policyDelay();
    }

    @Override
    public void act(Tape tape, Tensor observations, boolean explore, long envSteps, Rng rng, float[][] out) {
        tape.clear();
        int n = observations.cols();
        Tensor a = actor.online().act(tape, core.encoder().online().encode(tape, Var.constant(observations))).value();
        if (explore) {
            Tensor noise = RlTensors.gaussian(rng, actions, n, 1);
            for (int i = 0; i < a.size(); i++) {
                a.data()[i] = clip(a.data()[i] + (float) td3.explorationNoise() * noise.data()[i], 1);
            }
        }
        RlTensors.columns(a, out);
        tape.clear();
    }

    private static float clip(double x, double bound) {
        return (float) Math.max(-bound, Math.min(bound, x));
    }

    @Override
    public Losses update(StepContext context, Supplier<ReplayBuffer.Batch> batches, Rng rng) {
        double criticLoss = 0;
        double encoderLoss = 0;
        double meanQ = 0;
        Tensor zs = null;
        for (int k = 0; k < td3.policyDelay(); k++) {
            ReplayBuffer.Batch batch = batches.get();
            EncoderObjective.Latents latents = core.objective().update(context, core.targetTape(), batch);
            float[] y = targets(batch, latents.nextTarget(), rng.fold(k));
            Tape tape = context.tape();
            context.zeroGrad(core.criticGroup());
            TwinCritic.Values q = core.critic().online().q(tape, Var.constant(latents.zs()),
                    Var.constant(batch.actions()));
            Var loss = q.loss(tape, y);
            meanQ += RlTensors.mean(q.q1().value()) / td3.policyDelay();
            context.backward(loss);
            context.update(core.criticGroup());
            context.clearTape();
            criticLoss += loss.item() / td3.policyDelay();
            encoderLoss += latents.loss() / td3.policyDelay();
            zs = latents.zs();
        }
        Tape tape = context.tape();
        Var latent = Var.constant(zs);
        Var actorLoss = RlOps.affine(tape, Ops.mean(tape, core.critic().online().q1(tape, latent,
                actor.online().act(tape, latent))), -1, 0);
        // forward, input and (discarded) weight gradients
        core.tally().add(core.critic().online().networks().get(0), zs.cols(), 3);
        context.backward(actorLoss);
        context.update(actorGroup);
        context.clearTape();
        core.critic().softUpdate(core.settings().tau());
        actor.softUpdate(core.settings().tau());
        core.encoder().softUpdate(core.settings().tau());
        return new Losses(criticLoss, encoderLoss, actorLoss.item(), Map.of("q", meanQ));
    }

    // y = r + γ (1 − d) min Q_target(zs', ã), ã = clip(π_target(zs') + clip(σ ε, ±c), ±1), without gradient
    private float[] targets(ReplayBuffer.Batch batch, Tensor nextTarget, Rng rng) {
        core.targetTape().clear();
        Var next = Var.constant(nextTarget);
        int b = batch.size();
        Tensor smoothed = actor.target().act(core.targetTape(), next).value().copy();
        Tensor noise = RlTensors.gaussian(rng, actions, b, 0);
        for (int i = 0; i < smoothed.size(); i++) {
            double eps = clip(td3.targetNoise() * noise.data()[i], td3.noiseClip());
            smoothed.data()[i] = clip(smoothed.data()[i] + eps, 1);
        }
        TwinCritic.Values q = core.critic().target().q(core.targetTape(), next, Var.constant(smoothed));
        core.tally().add(actor.target(), b, 1);
        core.tally().add(core.critic().target(), b, 1);
        float[] y = new float[b];
        for (int c = 0; c < b; c++) {
            double min = Math.min(q.q1().value().data()[c], q.q2().value().data()[c]);
            y[c] = batch.bootstrapped(c, core.settings().gamma(), min);
        }
        core.targetTape().clear();
        return y;
    }

    @Override
    public Tensor probe(Tape tape, ReplayBuffer.Batch batch) {
        Var zs = core.probeEncoder(tape, batch);
        core.critic().online().q(tape, zs, Var.constant(batch.actions()));
        actor.online().act(tape, zs);
        return zs.value().copy();
    }

    @Override
    public Map<String, Double> status(long envSteps) {
        return Map.of();
    }

    @Override
    public List<Mlp> actingNetworks() {
        return List.of(core.encoder().online().stateNetwork(), actor.online().networks().get(0));
    }
}

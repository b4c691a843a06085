package rewire.models.rl;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.models.rl.env.ActionSpace;
import rewire.optim.Optim;
import rewire.optim.Schedule;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.ParamGroup;
import rewire.train.StepContext;

/**
 * Soft actor-critic with a learned temperature (Haarnoja et al., "Soft Actor-Critic Algorithms and
 * Applications", 2018) on the encoder's latent state. Per step, after the encoder's update: the
 * twin critics regress on {@code y = r + γ (1 − d) (min_i Q_i,target(zs', a') − α log π(a'|zs'))}
 * with {@code a' ~ π(·|zs')} and {@code zs'} from the target encoder; the actor minimizes
 * {@code α log π(a|zs) − min_i Q_i(zs, a)} with a reparameterized {@code a}; the temperature
 * minimizes {@code −log α · (log π(a|zs) + H̄)} with target entropy {@code H̄ = −actions}; the
 * target critic and encoder move by Polyak averaging. Groups: "encoder", "critic", "actor",
 * "temperature" (dense, Adam).
 */
public final class SacLearner implements Learner {
    private final LearnerCore<TwinCritic> core;
    private final GaussianActor actor;
    private final Temperature temperature;
    private final ParamGroup actorGroup;
    private final ParamGroup temperatureGroup;
    private final SacSettings sac;
    private final int actions;

    SacLearner(Agent agent, AgentSettings settings, SacSettings sac, Architectures net, int observations,
                      ActionSpace.Box actions, Tape targetTape, ForwardTally tally) {
        int a = actions.dims();
        this.core = LearnerCore.build(agent, settings, net, observations, actions, TwinCritic::new, a, 1, targetTape,
                tally);
        Agent.Built<GaussianActor> pi = LearnerCore.head(agent, net, Role.ACTOR, GaussianActor::new,
                settings.latent(), a, false);
        this.actor = pi.module();
        this.temperature = new Temperature(sac.initialTemperature());
        this.actorGroup = agent.group(Role.ACTOR, pi, 1);
        this.temperatureGroup = ParamGroup.builder("temperature", temperature)
                .optimizer(Optim.adam(sac.temperatureLr(), 0.9, 0.999, 1e-8), Schedule.constant(sac.temperatureLr()))
                .build();
        this.sac = sac;
        this.actions = a;
    }

    @Override
    public List<ParamGroup> groups() {
        return sac.learnTemperature() ? core.groups(actorGroup, temperatureGroup) : core.groups(actorGroup);
    }

    @Override
    public AgentModule module(Role role) {
        return core.module(role, actor);
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
        int n = observations.cols();
        Tensor a = explore ? actor.sample(tape, zs, RlTensors.gaussian(rng, actions, n, 1)).action().value()
                : actor.mode(tape, zs).value();
        RlTensors.columns(a, out);
        tape.clear();
    }

    @Override
    public Losses update(StepContext context, Supplier<ReplayBuffer.Batch> batches, Rng rng) {
        ReplayBuffer.Batch batch = batches.get();
        EncoderObjective.Latents latents = core.objective().update(context, core.targetTape(), batch);
        Tape tape = context.tape();
        double alpha = temperature.alpha();
        float[] y = targets(batch, latents.nextTarget(), alpha, rng);
        Var zs = Var.constant(latents.zs());
        TwinCritic.Values q = core.critic().online().q(tape, zs, Var.constant(batch.actions()));
        Var criticLoss = q.loss(tape, y);
        double meanQ = RlTensors.mean(q.q1().value());
        context.backward(criticLoss);
        context.update(core.criticGroup());
        context.clearTape();

        GaussianActor.Sample s = actor.sample(tape, zs, RlTensors.gaussian(rng, actions, batch.size(), 2));
        TwinCritic.Values qPi = core.critic().online().q(tape, zs, s.action());
        core.tally().add(core.critic().online(), batch.size(), 3);   // forward, input and (discarded) weight gradients
        Var actorLoss = Ops.mean(tape, Ops.add(tape, RlOps.affine(tape, s.logProb(), alpha, 0),
                RlOps.affine(tape, RlOps.minimum(tape, qPi.q1(), qPi.q2()), -1, 0)));
        double entropyGap = RlTensors.mean(s.logProb().value()) - actions;   // E[log π] + H̄ with H̄ = −actions
        context.backward(actorLoss);
        context.update(actorGroup);
        context.clearTape();

        if (sac.learnTemperature()) {
            Var logAlpha = Var.param(temperature.logAlpha().value(), temperature.logAlpha().gradTensor());
            Var alphaLoss = Ops.sum(tape, Ops.mul(tape, logAlpha, Var.constant(Tensor.zeros(1).fill((float) -entropyGap))));
            context.backward(alphaLoss);
            context.update(temperatureGroup);
            context.clearTape();
        }
        core.critic().softUpdate(core.settings().tau());
        core.encoder().softUpdate(core.settings().tau());
        return new Losses(criticLoss.item(), latents.loss(), actorLoss.item(), Map.of("q", meanQ, "alpha", alpha));
    }

    // y = r + γ (1 − d) (min Q_target(zs', a') − α log π(a'|zs')), a' ~ π(·|zs'), without gradient
    private float[] targets(ReplayBuffer.Batch batch, Tensor nextTarget, double alpha, Rng rng) {
        core.targetTape().clear();
        Var next = Var.constant(nextTarget);
        int b = batch.size();
        GaussianActor.Sample s = actor.sample(core.targetTape(), next, RlTensors.gaussian(rng, actions, b, 0));
        TwinCritic.Values q = core.critic().target().q(core.targetTape(), next, Var.constant(s.action().value()));
        core.tally().add(actor, b, 1);
        core.tally().add(core.critic().target(), b, 1);
        float[] q1 = q.q1().value().data();
        float[] q2 = q.q2().value().data();
        float[] logProb = s.logProb().value().data();
        float[] y = new float[b];
        for (int c = 0; c < b; c++) {
            double soft = Math.min(q1[c], q2[c]) - alpha * logProb[c];
            y[c] = batch.bootstrapped(c, core.settings().gamma(), soft);
        }
        core.targetTape().clear();
        return y;
    }

    @Override
    public Tensor probe(Tape tape, ReplayBuffer.Batch batch) {
        Var zs = core.probeEncoder(tape, batch);
        core.critic().online().q(tape, zs, Var.constant(batch.actions()));
        actor.mode(tape, zs);
        return zs.value().copy();
    }

    @Override
    public Map<String, Double> status(long envSteps) {
        return Map.of("alpha", temperature.alpha());
    }

    @Override
    public List<Mlp> actingNetworks() {
        return List.of(core.encoder().online().stateNetwork(), actor.networks().get(0));
    }
}

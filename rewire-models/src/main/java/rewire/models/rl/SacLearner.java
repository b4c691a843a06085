package rewire.models.rl;

import java.util.ArrayList;
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
    private final TargetNetwork<TwinCritic> critic;
    private final TargetNetwork<Encoder> encoder;
    private final GaussianActor actor;
    private final Temperature temperature;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final ParamGroup criticGroup;
    private final ParamGroup actorGroup;
    private final ParamGroup temperatureGroup;
    private final EncoderObjective objective;
    private final AgentSettings agent;
    private final SacSettings sac;
    private final int actions;
    private final ForwardTally tally;
    private final Tape targetTape;

    SacLearner(Agent agent, AgentSettings settings, SacSettings sac, Architectures net, int observations,
                      ActionSpace.Box actions, Tape targetTape, ForwardTally tally) {
        int latent = settings.latent();
        int a = actions.dims();
        Agent.Built<Encoder> enc = agent.build(Role.ENCODER, m -> new Encoder(observations, a, latent, net.encoder(),
                net.width(Role.ENCODER), m), true);
        Agent.Built<TwinCritic> q = agent.build(Role.CRITIC, m -> new TwinCritic(latent, a, net.critic(),
                net.width(Role.CRITIC), m), true);
        Agent.Built<GaussianActor> pi = agent.build(Role.ACTOR, m -> new GaussianActor(latent, a, net.actor(),
                net.width(Role.ACTOR), m), false);
        this.encoder = enc.target();
        this.critic = q.target();
        this.actor = pi.module();
        this.temperature = new Temperature(sac.initialTemperature());
        ParamGroup encoderGroup = agent.group(Role.ENCODER, enc, 1);
        this.criticGroup = agent.group(Role.CRITIC, q, 1);
        this.actorGroup = agent.group(Role.ACTOR, pi, 1);
        this.temperatureGroup = ParamGroup.builder("temperature", temperature)
                .optimizer(Optim.adam(sac.temperatureLr(), 0.9, 0.999, 1e-8), Schedule.constant(sac.temperatureLr()))
                .build();
        groups.addAll(List.of(encoderGroup, criticGroup, actorGroup));
        if (sac.learnTemperature()) {
            groups.add(temperatureGroup);
        }
        this.tally = tally;
        this.objective = new EncoderObjective(encoder, encoderGroup, actions, settings.rewardWeight(), tally);
        this.agent = settings;
        this.sac = sac;
        this.actions = a;
        this.targetTape = targetTape;
    }

    @Override
    public List<ParamGroup> groups() {
        return List.copyOf(groups);
    }

    @Override
    public AgentModule module(Role role) {
        return switch (role) {
            case ENCODER -> encoder.online();
            case CRITIC -> critic.online();
            case ACTOR -> actor;
        };
    }

    @Override
    public List<TargetNetwork<?>> targets() {
        return List.of(encoder, critic);
    }

    @Override
    public int criticUpdates() {
        return 1;
    }

    @Override
    public void act(Tape tape, Tensor observations, boolean explore, long envSteps, Rng rng, float[][] out) {
        tape.clear();
        Var zs = encoder.online().encode(tape, Var.constant(observations));
        int n = observations.cols();
        Tensor a = explore ? actor.sample(tape, zs, RlTensors.gaussian(rng, actions, n, 1)).action().value()
                : actor.mode(tape, zs).value();
        RlTensors.columns(a, out);
        tape.clear();
    }

    @Override
    public Losses update(StepContext context, Supplier<ReplayBuffer.Batch> batches, Rng rng) {
        ReplayBuffer.Batch batch = batches.get();
        EncoderObjective.Latents latents = objective.update(context, targetTape, batch);
        Tape tape = context.tape();
        double alpha = temperature.alpha();
        float[] y = targets(batch, latents.nextTarget(), alpha, rng);
        Var zs = Var.constant(latents.zs());
        TwinCritic.Values q = critic.online().q(tape, zs, Var.constant(batch.actions()));
        Var criticLoss = q.loss(tape, y);
        double meanQ = RlTensors.mean(q.q1().value());
        context.backward(criticLoss);
        context.update(criticGroup);
        context.clearTape();

        GaussianActor.Sample s = actor.sample(tape, zs, RlTensors.gaussian(rng, actions, batch.size(), 2));
        TwinCritic.Values qPi = critic.online().q(tape, zs, s.action());
        tally.add(critic.online(), batch.size(), 3);   // forward, input and (discarded) weight gradients
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
        critic.softUpdate(agent.tau());
        encoder.softUpdate(agent.tau());
        return new Losses(criticLoss.item(), latents.loss(), actorLoss.item(), Map.of("q", meanQ, "alpha", alpha));
    }

    // y = r + γ (1 − d) (min Q_target(zs', a') − α log π(a'|zs')), a' ~ π(·|zs'), without gradient
    private float[] targets(ReplayBuffer.Batch batch, Tensor nextTarget, double alpha, Rng rng) {
        targetTape.clear();
        Var next = Var.constant(nextTarget);
        int b = batch.size();
        GaussianActor.Sample s = actor.sample(targetTape, next, RlTensors.gaussian(rng, actions, b, 0));
        TwinCritic.Values q = critic.target().q(targetTape, next, Var.constant(s.action().value()));
        tally.add(actor, b, 1);
        tally.add(critic.target(), b, 1);
        float[] q1 = q.q1().value().data();
        float[] q2 = q.q2().value().data();
        float[] logProb = s.logProb().value().data();
        float[] y = new float[b];
        for (int c = 0; c < b; c++) {
            double soft = Math.min(q1[c], q2[c]) - alpha * logProb[c];
            y[c] = batch.bootstrapped(c, agent.gamma(), soft);
        }
        targetTape.clear();
        return y;
    }

    @Override
    public Tensor probe(Tape tape, ReplayBuffer.Batch batch) {
        Var zs = encoder.online().encode(tape, Var.constant(batch.observations()));
        encoder.online().predict(tape, zs, batch.actions());
        critic.online().q(tape, zs, Var.constant(batch.actions()));
        actor.mode(tape, zs);
        return zs.value().copy();
    }

    @Override
    public Map<String, Double> status(long envSteps) {
        return Map.of("alpha", temperature.alpha());
    }

    @Override
    public List<Mlp> actingNetworks() {
        return List.of(encoder.online().stateNetwork(), actor.networks().get(0));
    }
}

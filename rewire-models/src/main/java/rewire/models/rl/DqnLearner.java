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
    private final TargetNetwork<DiscreteCritic> critic;
    private final TargetNetwork<Encoder> encoder;
    private final ParamGroup encoderGroup;
    private final ParamGroup criticGroup;
    private final EncoderObjective objective;
    private final AgentSettings agent;
    private final DqnSettings dqn;
    private final int actions;
    private final ForwardTally tally;
    private final Tape targetTape;

    DqnLearner(Agent agent, AgentSettings settings, DqnSettings dqn, Architectures net, int observations,
                      ActionSpace.Discrete actions, Tape targetTape, ForwardTally tally) {
        int latent = settings.latent();
        Agent.Built<Encoder> enc = agent.build(Role.ENCODER, m -> new Encoder(observations, actions.inputSize(),
                latent, net.encoder(), net.width(Role.ENCODER), m), true);
        Agent.Built<DiscreteCritic> q = agent.build(Role.CRITIC, m -> new DiscreteCritic(latent, actions.n(),
                net.critic(), net.width(Role.CRITIC), m), true);
        this.encoder = enc.target();
        this.critic = q.target();
        this.encoderGroup = agent.group(Role.ENCODER, enc, 1);
        this.criticGroup = agent.group(Role.CRITIC, q, 1);
        this.tally = tally;
        this.objective = new EncoderObjective(encoder, encoderGroup, actions, settings.rewardWeight(), tally);
        this.agent = settings;
        this.dqn = dqn;
        this.actions = actions.n();
        this.targetTape = targetTape;
    }

    @Override
    public List<ParamGroup> groups() {
        return List.of(encoderGroup, criticGroup);
    }

    @Override
    public AgentModule module(Role role) {
        return switch (role) {
            case ENCODER -> encoder.online();
            case CRITIC -> critic.online();
            case ACTOR -> null;
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
        Tensor q = critic.online().q(tape, encoder.online().encode(tape, Var.constant(observations))).value();
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
        EncoderObjective.Latents latents = objective.update(context, targetTape, batch);
        float[] y = targets(batch, latents.nextTarget());
        Tape tape = context.tape();
        Var q = critic.online().q(tape, Var.constant(latents.zs()));                         // (A, B)
        int[] chosen = new int[batch.size()];
        for (int c = 0; c < chosen.length; c++) {
            chosen[c] = (int) batch.actions().data()[c];
        }
        Var loss = RlOps.squaredError(tape, RlOps.gatherChosen(tape, q, chosen, 1), y);
        double meanQ = RlTensors.mean(q.value());
        context.backward(loss);
        context.update(criticGroup);
        context.clearTape();
        if (dqn.targetUpdateEvery() == 0) {
            critic.softUpdate(agent.tau());
            encoder.softUpdate(agent.tau());
        } else if ((context.step() + 1) % dqn.targetUpdateEvery() == 0) {
            critic.hardUpdate();
            encoder.hardUpdate();
        } else {
            critic.followTopology();
            encoder.followTopology();
        }
        return new Losses(loss.item(), latents.loss(), Double.NaN, Map.of("q", meanQ));
    }

    // y_b = r_b + γ (1 − d_b) Q_target(zs'_target, argmax_a Q_online(zs'_online, a)), without gradient
    private float[] targets(ReplayBuffer.Batch batch, Tensor nextTarget) {
        targetTape.clear();
        Tensor nextOnline = encoder.online().encode(targetTape, Var.constant(batch.nextObservations())).value();
        Tensor online = critic.online().q(targetTape, Var.constant(nextOnline)).value();
        Tensor target = critic.target().q(targetTape, Var.constant(nextTarget)).value();
        int b = batch.size();
        tally.add(encoder.online().stateNetwork(), b, 1);
        tally.add(critic.online(), b, 1);
        tally.add(critic.target(), b, 1);
        float[] y = new float[b];
        for (int c = 0; c < b; c++) {
            y[c] = batch.bootstrapped(c, agent.gamma(), target.get(argmax(online, c), c));
        }
        targetTape.clear();
        return y;
    }

    @Override
    public Tensor probe(Tape tape, ReplayBuffer.Batch batch) {
        Var zs = encoder.online().encode(tape, Var.constant(batch.observations()));
        encoder.online().predict(tape, zs, objective.actionSpace().asInput(batch.actions()));
        critic.online().q(tape, zs);
        return zs.value().copy();
    }

    @Override
    public Map<String, Double> status(long envSteps) {
        return Map.of("epsilon", dqn.epsilon().at(envSteps));
    }

    @Override
    public List<Mlp> actingNetworks() {
        return List.of(encoder.online().stateNetwork(), critic.online().networks().get(0));
    }
}

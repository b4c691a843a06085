package rewire.models.rl;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.models.rl.env.ActionSpace;
import rewire.train.ParamGroup;

/**
 * What every learner holds in common, built once the same way for DQN, SAC and TD3: the encoder
 * and the critic, each with its target copy and parameter group, the encoder's self-predictive
 * objective, and the run's agent settings, forward tally and no-gradient tape. A learner holds one
 * and adds its actor and its losses, so the wiring and the module, group and target lists are
 * written once.
 *
 * @param encoder      the encoder and its target
 * @param critic       the critic and its target
 * @param encoderGroup the encoder's parameter group
 * @param criticGroup  the critic's parameter group
 * @param objective    the encoder's update
 * @param settings     the agent's settings (latent size, γ, τ)
 * @param tally        where forward passes no group's loss trains are counted
 * @param targetTape   the tape of the passes without gradient
 */
record LearnerCore<C extends AgentModule>(TargetNetwork<Encoder> encoder, TargetNetwork<C> critic,
                                          ParamGroup encoderGroup, ParamGroup criticGroup,
                                          EncoderObjective objective, AgentSettings settings, ForwardTally tally,
                                          Tape targetTape) {

    /** A head on the latent state (critic or actor), as its constructor takes it. */
    interface Head<M extends AgentModule> {
        M make(int latent, int actions, ModuleArchitecture arch, int width, LayerMaker maker);
    }

    /**
     * Builds the encoder and, with {@code critic} over {@code criticActions}, the critic, both with
     * targets; their groups apply the FLOP layers {@code positions} times per example.
     */
    static <C extends AgentModule> LearnerCore<C> build(Agent agent, AgentSettings settings, Architectures net,
                                                        int observations, ActionSpace actions, Head<C> critic,
                                                        int criticActions, int positions, Tape targetTape,
                                                        ForwardTally tally) {
        int latent = settings.latent();
        Agent.Built<Encoder> enc = agent.build(Role.ENCODER, m -> new Encoder(observations, actions.inputSize(),
                latent, net.encoder(), net.width(Role.ENCODER), m), true);
        Agent.Built<C> q = head(agent, net, Role.CRITIC, critic, latent, criticActions, true);
        ParamGroup encoderGroup = agent.group(Role.ENCODER, enc, positions);
        ParamGroup criticGroup = agent.group(Role.CRITIC, q, positions);
        EncoderObjective objective = new EncoderObjective(enc.target(), encoderGroup, actions,
                settings.rewardWeight(), tally);
        return new LearnerCore<>(enc.target(), q.target(), encoderGroup, criticGroup, objective, settings, tally,
                targetTape);
    }

    /** Builds {@code role}'s head on the latent state over {@code actions}, with a target if {@code withTarget}. */
    static <M extends AgentModule> Agent.Built<M> head(Agent agent, Architectures net, Role role, Head<M> make,
                                                       int latent, int actions, boolean withTarget) {
        return agent.build(role, m -> make.make(latent, actions, net.of(role), net.width(role), m), withTarget);
    }

    /** The encoder's passes on {@code batch} without gradient, for probes: returns the latent states. */
    Var probeEncoder(Tape tape, ReplayBuffer.Batch batch) {
        Var zs = encoder.online().encode(tape, Var.constant(batch.observations()));
        encoder.online().predict(tape, zs, objective.actionSpace().asInput(batch.actions()));
        return zs;
    }

    /** The groups in report order: "encoder", "critic", then {@code more}. */
    List<ParamGroup> groups(ParamGroup... more) {
        List<ParamGroup> groups = new ArrayList<>(List.of(encoderGroup, criticGroup));
        groups.addAll(List.of(more));
        return List.copyOf(groups);
    }

    /** The module of {@code role}, with {@code actor} as the actor's (null when there is none). */
    AgentModule module(Role role, AgentModule actor) {
        return switch (role) {
            case ENCODER -> encoder.online();
            case CRITIC -> critic.online();
            case ACTOR -> actor;
        };
    }

    /** The target networks: the encoder's, the critic's, then {@code more}. */
    List<TargetNetwork<?>> targets(TargetNetwork<?>... more) {
        List<TargetNetwork<?>> targets = new ArrayList<>(List.of(encoder, critic));
        targets.addAll(List.of(more));
        return List.copyOf(targets);
    }
}

package rewire.models.rl;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import rewire.autodiff.Tape;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.ParamGroup;
import rewire.train.StepContext;

/**
 * One reinforcement-learning algorithm over an agent's modules (DQN, SAC, TD3): how it acts, and
 * how one training step updates its groups in order, each group through
 * {@link StepContext#update} (the DST engine at the group's update steps, then its optimizer).
 *
 * <p>Call order per training step: {@link #act} for the environment steps of the step (on a tape
 * of its own), then {@link #update} once, which draws {@link #criticUpdates()} batches. A learner
 * counts the forward passes of its updates that no group's loss trains (targets, the critic in
 * the actor's loss) in the workload's {@link ForwardTally}; the workload counts acting.
 */
public interface Learner {

    /** The parameter groups in report order: "encoder", "critic", then "actor" and "temperature" where there are. */
    List<ParamGroup> groups();

    /** The module of {@code role}, or null when the learner has none (DQN's actor). */
    AgentModule module(Role role);

    /** Target networks, for checkpoints. */
    List<TargetNetwork<?>> targets();

    /** Batches (and critic updates) per training step: TD3's policy delay, 1 otherwise. */
    int criticUpdates();

    /**
     * Chooses an action for every column of {@code observations (obs, N)} into the rows of
     * {@code actions}: in {@code [-1, 1]} per dimension for a continuous task, an index for a
     * discrete one; exploring (sampling, noise, epsilon at {@code envSteps}) or greedy.
     */
    void act(Tape tape, Tensor observations, boolean explore, long envSteps, Rng rng, float[][] actions);

    /** The losses of one training step. */
    record Losses(double critic, double encoder, double actor, Map<String, Double> extra) {
    }

    /**
     * One training step's updates on batches from {@code batches}; {@code rng} draws the step's noise.
     */
    Losses update(StepContext context, Supplier<ReplayBuffer.Batch> batches, Rng rng);

    /**
     * Forward passes of every module on {@code batch} with no gradient, for diagnostics: returns
     * the encoder's latent states {@code (latent, B)}.
     */
    Tensor probe(Tape tape, ReplayBuffer.Batch batch);

    /** Live numbers of the algorithm (SAC's temperature, DQN's epsilon at {@code envSteps}). */
    Map<String, Double> status(long envSteps);

    /** The networks choosing an action runs, in order: the encoder's state network, then the actor (or DQN's critic). */
    List<Mlp> actingNetworks();
}

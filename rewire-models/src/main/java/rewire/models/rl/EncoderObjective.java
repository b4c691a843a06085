package rewire.models.rl;

import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.models.rl.env.ActionSpace;
import rewire.tensor.Tensor;
import rewire.train.ParamGroup;
import rewire.train.StepContext;

/**
 * The encoder's self-predictive update, shared by every learner (MR.Q, Fujimoto et al., ICLR
 * 2025, one step of its horizon): from {@code zs = encoder(s)} and the action, the model predicts
 * the next latent state, regressed on the target encoder's {@code zs'}, and the reward:
 * {@code L = mean((ẑs' − zs'_target)²) + w · mean((r̂ − r)²)}. The encoder's group is updated on
 * it alone. What the critic and the actor then read comes back: the latent states of the batch
 * (computed before the update) and the target encoder's latent next states.
 */
final class EncoderObjective {
    private final TargetNetwork<Encoder> encoder;
    private final ParamGroup group;
    private final ActionSpace actions;
    private final double rewardWeight;
    private final ForwardTally tally;

    EncoderObjective(TargetNetwork<Encoder> encoder, ParamGroup group, ActionSpace actions, double rewardWeight,
                     ForwardTally tally) {
        this.encoder = encoder;
        this.group = group;
        this.actions = actions;
        this.rewardWeight = rewardWeight;
        this.tally = tally;
    }

    /**
     * What the critic and actor read of a batch.
     *
     * @param zs         latent states {@code (latent, B)}
     * @param nextTarget the target encoder's latent next states {@code (latent, B)}
     * @param loss       the encoder's loss
     */
    record Latents(Tensor zs, Tensor nextTarget, double loss) {
    }

    /** Updates the encoder on {@code batch} and returns the latent states the other modules read. */
    Latents update(StepContext context, Tape targetTape, ReplayBuffer.Batch batch) {
        targetTape.clear();
        Tensor nextTarget = encoder.target().encode(targetTape, Var.constant(batch.nextObservations())).value().copy();
        targetTape.clear();
        tally.add(encoder.target().stateNetwork(), batch.size(), 1);
        Tape tape = context.tape();
        context.zeroGrad(group);
        Encoder online = encoder.online();
        int latent = online.latent();
        Var zs = online.encode(tape, Var.constant(batch.observations()));
        Var predicted = online.predict(tape, zs, actions.asInput(batch.actions()));
        Var dynamics = RlOps.squaredError(tape, RlOps.sliceRows(tape, predicted, 0, latent), nextTarget.data());
        Var reward = RlOps.squaredError(tape, RlOps.sliceRows(tape, predicted, latent, latent + 1), batch.rewards());
        Var loss = Ops.add(tape, dynamics, RlOps.affine(tape, reward, rewardWeight, 0));
        Tensor latents = zs.value().copy();
        context.backward(loss);
        context.update(group);
        context.clearTape();
        return new Latents(latents, nextTarget, loss.item());
    }

    ActionSpace actionSpace() {
        return actions;
    }

    TargetNetwork<Encoder> encoder() {
        return encoder;
    }
}

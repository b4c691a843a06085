package rewire.models.rl;

import rewire.train.OptimSettings;

/**
 * One optimizer per module: each parameter group has its own update rule and learning rate.
 * Defaults: Adam at 3e-4 with PyTorch's betas and epsilon, no weight decay, for all three (SAC's
 * and TD3's usual settings).
 *
 * @param encoder the encoder's optimizer
 * @param critic  the critic's optimizer
 * @param actor   the actor's optimizer
 */
public record ModuleOptimizers(OptimSettings encoder, OptimSettings critic, OptimSettings actor) {

    public ModuleOptimizers {
        if (encoder == null || critic == null || actor == null) {
            throw new IllegalArgumentException("optim: the encoder, critic and actor optimizers must be set");
        }
    }

    public static ModuleOptimizers defaults() {
        OptimSettings adam = new OptimSettings(OptimSettings.Optimizer.ADAM, 3e-4, 0.9, 0.999, 1e-8, 0, false,
                OptimSettings.RateSchedule.CONSTANT, 0, 0, 1000, 0.1, 0);
        return new ModuleOptimizers(adam, adam, adam);
    }

    /** The optimizer of {@code role}. */
    public OptimSettings of(Role role) {
        return switch (role) {
            case ENCODER -> encoder;
            case CRITIC -> critic;
            case ACTOR -> actor;
        };
    }
}

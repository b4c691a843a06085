package rewire.models.rl;

/**
 * The network section of an RL run: one architecture per module, and a width multiplier for the
 * scaling question (x1, x4, x8).
 *
 * @param scale   every module's hidden width is multiplied by this (1)
 * @param encoder the encoder's networks (ELU, layer norm; MR.Q's choices)
 * @param critic  the critic's networks (ELU, layer norm)
 * @param actor   the actor's network (ReLU, layer norm: ELU hurts the actor, METHODS G)
 */
public record Architectures(int scale, ModuleArchitecture encoder, ModuleArchitecture critic,
                            ModuleArchitecture actor) {

    public Architectures {
        if (scale < 1) {
            throw new IllegalArgumentException("network.scale must be >= 1, got " + scale);
        }
        if (encoder == null || critic == null || actor == null) {
            throw new IllegalArgumentException("network: the encoder, critic and actor architectures must be set");
        }
    }

    public static Architectures defaults() {
        return new Architectures(1, ModuleArchitecture.eluLayerNorm(64), ModuleArchitecture.eluLayerNorm(64),
                ModuleArchitecture.reluLayerNorm(64));
    }

    /** The architecture of {@code role}. */
    public ModuleArchitecture of(Role role) {
        return switch (role) {
            case ENCODER -> encoder;
            case CRITIC -> critic;
            case ACTOR -> actor;
        };
    }

    /** The hidden width of {@code role} after scaling. */
    public int width(Role role) {
        return Math.multiplyExact(of(role).width(), scale);
    }
}

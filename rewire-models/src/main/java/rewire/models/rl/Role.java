package rewire.models.rl;

import java.util.Locale;

/** The modules of an agent, each a parameter group with its own optimizer and sparsity regime. */
public enum Role {
    /** The encoder, trained by its self-predictive objective. */
    ENCODER,
    /** The value network(s), trained by temporal differences. */
    CRITIC,
    /** The policy, trained against the critic (none for DQN). */
    ACTOR;

    /** The group's name: "encoder", "critic", "actor". */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }
}

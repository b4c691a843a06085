package rewire.models.rl.env;

import java.util.function.Supplier;

/** The control tasks a run can name ({@code env.task}), each the Gymnasium task it follows. */
public enum Task {
    /** CartPole-v1: balance a pole on a cart, 2 discrete actions. */
    CARTPOLE(CartPole::new),
    /** Acrobot-v1: swing a two-link chain up, 3 discrete torques. */
    ACROBOT(Acrobot::new),
    /** Pendulum-v1: swing a pendulum up and hold it, one continuous torque. */
    PENDULUM(Pendulum::new),
    /** MountainCarContinuous-v0: drive out of a valley, one continuous force, sparse reward. */
    MOUNTAIN_CAR_CONTINUOUS(MountainCarContinuous::new),
    /** Reacher-v5 with analytic dynamics: move a two-link arm's tip to a target, two continuous torques. */
    REACHER(Reacher::new);

    private final Supplier<Dynamics> dynamics;

    Task(Supplier<Dynamics> dynamics) {
        this.dynamics = dynamics;
    }

    /** The task's physics. */
    public Dynamics dynamics() {
        return dynamics.get();
    }

    /** A new environment of this task seeded by {@code seed}. */
    public ControlEnv create(long seed) {
        return new ControlEnv(dynamics(), seed);
    }
}

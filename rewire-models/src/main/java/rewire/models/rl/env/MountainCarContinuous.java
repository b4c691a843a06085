package rewire.models.rl.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rewire.tensor.Rng;

/**
 * MountainCarContinuous-v0 as Gymnasium defines it
 * (gymnasium/envs/classic_control/continuous_mountain_car.py, after Moore, 1990): a car in a
 * valley with a force {@code f} in {@code [-1, 1]} (clipped) times power 0.0015:
 * {@code v' = clip(v + 0.0015 f - 0.0025 cos(3x), -0.07, 0.07)}, {@code x' = clip(x + v', -1.2, 0.6)},
 * and {@code v' = 0} at the left wall when moving left. The episode terminates when
 * {@code x' >= 0.45} and {@code v' >= 0}; the reward is {@code -0.1 a²} of the action as given, plus
 * 100 on the terminating step; the time limit is 999 steps. The state starts at {@code x} uniform in
 * {@code [-0.6, -0.4]}, {@code v = 0}, and is stored in float after every step, as Gymnasium
 * stores it ({@code np.float32}). Observation: {@code (x, v)}.
 */
public final class MountainCarContinuous implements Dynamics {
    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.45;
    static final double GOAL_VELOCITY = 0;
    static final double POWER = 0.0015;

    private final Spec spec = new Spec("MountainCarContinuous-v0", 2, 2, ActionSpace.Box.symmetric(1, 1f), 999);

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public void reset(Rng rng, double[] state) {
        state[0] = -0.6 + 0.2 * rng.nextDouble();
        state[1] = 0;
    }

    @Override
    public double step(double[] s, float[] action) {
        double position = s[0];
        double velocity = s[1];
        double force = Math.min(Math.max(action[0], -1.0), 1.0);
        velocity += force * POWER - 0.0025 * Math.cos(3 * position);
        velocity = Math.min(Math.max(velocity, -MAX_SPEED), MAX_SPEED);
        position += velocity;
        position = Math.min(Math.max(position, MIN_POSITION), MAX_POSITION);
        if (position == MIN_POSITION && velocity < 0) {
            velocity = 0;
        }
        s[0] = (float) position;
        s[1] = (float) velocity;
        double reward = reached(position, velocity) ? 100.0 : 0.0;
        return reward - (double) action[0] * action[0] * 0.1;
    }

    private static boolean reached(double position, double velocity) {
        return position >= GOAL_POSITION && velocity >= GOAL_VELOCITY;
    }

    @Override
    public boolean terminated(double[] s) {
        return reached(s[0], s[1]);
    }

    @Override
    public void observe(double[] s, float[] o) {
        o[0] = (float) s[0];
        o[1] = (float) s[1];
    }

    static double height(double x) {
        return Math.sin(3 * x) * 0.45 + 0.55;
    }

    @Override
    public Scene scene(double[] s) {
        List<Scene.Mark> marks = new ArrayList<>();
        int pieces = 40;
        for (int k = 0; k < pieces; k++) {
            double a = MIN_POSITION + (MAX_POSITION - MIN_POSITION) * k / pieces;
            double b = MIN_POSITION + (MAX_POSITION - MIN_POSITION) * (k + 1) / pieces;
            marks.add(new Scene.Segment(a, height(a), b, height(b), '.'));
        }
        marks.add(new Scene.Segment(GOAL_POSITION, height(GOAL_POSITION), GOAL_POSITION, height(GOAL_POSITION) + 0.15,
                '|'));
        marks.add(new Scene.Dot(GOAL_POSITION, height(GOAL_POSITION) + 0.15, 0.03, 'F'));
        marks.add(new Scene.Dot(s[0], height(s[0]) + 0.04, 0.04, '@'));
        return new Scene(MIN_POSITION, MAX_POSITION, 0, 1.2, marks,
                String.format(Locale.ROOT, "x=%+.3f  v=%+.4f  (goal x >= 0.45)", s[0], s[1]));
    }
}

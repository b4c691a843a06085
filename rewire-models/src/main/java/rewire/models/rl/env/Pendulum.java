package rewire.models.rl.env;

import java.util.List;
import java.util.Locale;
import rewire.tensor.Rng;

/**
 * Pendulum-v1 as Gymnasium defines it (gymnasium/envs/classic_control/pendulum.py): swing a
 * pendulum (mass 1, length 1, gravity 10) up and hold it with a torque {@code u} in
 * {@code [-2, 2]} (clipped). With {@code dt = 0.05}:
 * {@code θ̇' = clip(θ̇ + (3g/(2l) sin θ + 3/(m l²) u) dt, -8, 8)}, {@code θ' = θ + θ̇' dt}; the reward
 * is {@code -(norm(θ)² + 0.1 θ̇² + 0.001 u²)} of the state before the step, with {@code norm} the
 * angle in {@code [-π, π)} and 0 upright. The state {@code (θ, θ̇)} starts uniform in
 * {@code [-π, π] x [-1, 1]}; the episode never terminates and the time limit truncates it after 200
 * steps. Observation: {@code (cos θ, sin θ, θ̇)}.
 */
public final class Pendulum implements Dynamics {
    static final double MAX_SPEED = 8;
    static final double MAX_TORQUE = 2.0;
    static final double DT = 0.05;
    static final double G = 10.0;
    static final double M = 1.0;
    static final double L = 1.0;

    private final Spec spec = new Spec("Pendulum-v1", 2, 3, ActionSpace.Box.symmetric(1, (float) MAX_TORQUE), 200);

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public void reset(Rng rng, double[] state) {
        state[0] = -Math.PI + 2 * Math.PI * rng.nextDouble();
        state[1] = -1 + 2 * rng.nextDouble();
    }

    @Override
    public double step(double[] s, float[] action) {
        double th = s[0];
        double thDot = s[1];
        double u = Math.min(Math.max(action[0], -MAX_TORQUE), MAX_TORQUE);
        double angle = normalize(th);
        double cost = angle * angle + 0.1 * thDot * thDot + 0.001 * u * u;
        double newThDot = thDot + (3 * G / (2 * L) * Math.sin(th) + 3.0 / (M * L * L) * u) * DT;
        newThDot = Math.min(Math.max(newThDot, -MAX_SPEED), MAX_SPEED);
        s[0] = th + newThDot * DT;
        s[1] = newThDot;
        return -cost;
    }

    // Gymnasium's angle_normalize: ((x + π) % 2π) - π with Python's float modulo (fmod, moved to the
    // divisor's sign)
    static double normalize(double x) {
        double twoPi = 2 * Math.PI;
        double mod = (x + Math.PI) % twoPi;
        return (mod < 0 ? mod + twoPi : mod) - Math.PI;
    }

    @Override
    public boolean terminated(double[] s) {
        return false;
    }

    @Override
    public void observe(double[] s, float[] o) {
        o[0] = (float) Math.cos(s[0]);
        o[1] = (float) Math.sin(s[0]);
        o[2] = (float) s[1];
    }

    @Override
    public Scene scene(double[] s) {
        // θ = 0 points up
        double x = L * Math.sin(s[0]);
        double y = L * Math.cos(s[0]);
        return new Scene(-1.2, 1.2, -1.2, 1.2, List.of(new Scene.Segment(0, 0, x, y, '#'), new Scene.Dot(0, 0, 0.05, 'o'),
                new Scene.Dot(x, y, 0.1, '@')), String.format(Locale.ROOT, "θ=%+.1f° from upright  θ̇=%+.2f",
                Math.toDegrees(normalize(s[0])), s[1]));
    }
}

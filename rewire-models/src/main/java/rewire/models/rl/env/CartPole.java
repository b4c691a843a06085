package rewire.models.rl.env;

import java.util.List;
import java.util.Locale;
import rewire.tensor.Rng;

/**
 * CartPole-v1 as Gymnasium defines it (gymnasium/envs/classic_control/cartpole.py, after Barto,
 * Sutton and Anderson, 1983): a pole on a cart pushed left (action 0) or right (action 1) with a
 * force of 10 N; Euler integration with {@code τ = 0.02 s}; gravity 9.8, cart mass 1.0, pole mass
 * 0.1, pole half-length 0.5. The state {@code (x, ẋ, θ, θ̇)} starts uniform in
 * {@code (-0.05, 0.05)}; the episode terminates when {@code |x| > 2.4} or
 * {@code |θ| > 12° = 0.2095 rad}; every step pays +1, the terminating one included; the time limit
 * is 500 steps. The observation is the state in float.
 */
public final class CartPole implements Dynamics {
    static final double GRAVITY = 9.8;
    static final double CART_MASS = 1.0;
    static final double POLE_MASS = 0.1;
    static final double TOTAL_MASS = CART_MASS + POLE_MASS;
    static final double HALF_LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = POLE_MASS * HALF_LENGTH;
    static final double FORCE = 10.0;
    static final double TAU = 0.02;
    static final double THETA_LIMIT = 12 * 2 * Math.PI / 360;
    static final double X_LIMIT = 2.4;

    private final Spec spec = new Spec("CartPole-v1", 4, 4, new ActionSpace.Discrete(2), 500);

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public void reset(Rng rng, double[] state) {
        for (int i = 0; i < 4; i++) {
            state[i] = -0.05 + 0.1 * rng.nextDouble();
        }
    }

    @Override
    public double step(double[] s, float[] action) {
        double x = s[0];
        double xDot = s[1];
        double theta = s[2];
        double thetaDot = s[3];
        double force = action[0] == 1 ? FORCE : -FORCE;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp)
                / (HALF_LENGTH * (4.0 / 3.0 - POLE_MASS * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        s[0] = x + TAU * xDot;
        s[1] = xDot + TAU * xAcc;
        s[2] = theta + TAU * thetaDot;
        s[3] = thetaDot + TAU * thetaAcc;
        return 1.0;
    }

    @Override
    public boolean terminated(double[] s) {
        return s[0] < -X_LIMIT || s[0] > X_LIMIT || s[2] < -THETA_LIMIT || s[2] > THETA_LIMIT;
    }

    @Override
    public void observe(double[] s, float[] observation) {
        for (int i = 0; i < 4; i++) {
            observation[i] = (float) s[i];
        }
    }

    @Override
    public Scene scene(double[] s) {
        double x = s[0];
        double tipX = x + 2 * HALF_LENGTH * Math.sin(s[2]);
        double tipY = 0.1 + 2 * HALF_LENGTH * Math.cos(s[2]);
        return new Scene(-X_LIMIT, X_LIMIT, -0.1, 1.2, List.of(new Scene.Segment(-X_LIMIT, 0, X_LIMIT, 0, '-'),
                new Scene.Segment(x, 0.1, tipX, tipY, '|'), new Scene.Segment(x - 0.25, 0.05, x + 0.25, 0.05, '#'),
                new Scene.Dot(x, 0.1, 0.05, 'o')),
                String.format(Locale.ROOT, "x=%+.3f  θ=%+.1f°", x, Math.toDegrees(s[2])));
    }
}

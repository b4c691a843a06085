package rewire.models.rl.env;

import java.util.List;
import java.util.Locale;
import rewire.tensor.Rng;

/**
 * Acrobot-v1 as Gymnasium defines it (gymnasium/envs/classic_control/acrobot.py, after Sutton,
 * NeurIPS 1995, with the book's dynamics): two links of length 1 and mass 1 (centres of mass at
 * 0.5, moments of inertia 1) hang from a fixed joint; the action applies a torque of -1, 0 or +1
 * to the joint between them. One step integrates the equations of motion over {@code dt = 0.2 s}
 * with one fourth-order Runge-Kutta step, wraps both angles into {@code [-π, π]} and bounds the
 * velocities to {@code ±4π} and {@code ±9π}. The state {@code (θ1, θ2, θ̇1, θ̇2)} starts uniform in
 * {@code [-0.1, 0.1]} (stored in float, as Gymnasium does); the episode terminates when the free end
 * is more than one link above the joint, {@code -cos θ1 - cos(θ1 + θ2) > 1}; each step pays -1,
 * the terminating step 0; the time limit is 500 steps. Observation:
 * {@code (cos θ1, sin θ1, cos θ2, sin θ2, θ̇1, θ̇2)}.
 */
public final class Acrobot implements Dynamics {
    static final double DT = 0.2;
    static final double LINK_LENGTH = 1.0;
    static final double LINK_MASS = 1.0;
    static final double COM = 0.5;
    static final double MOMENT = 1.0;
    static final double GRAVITY = 9.8;
    static final double MAX_VEL_1 = 4 * Math.PI;
    static final double MAX_VEL_2 = 9 * Math.PI;
    private static final double[] TORQUES = {-1.0, 0.0, 1.0};

    private final Spec spec = new Spec("Acrobot-v1", 4, 6, new ActionSpace.Discrete(3), 500);

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public void reset(Rng rng, double[] state) {
        for (int i = 0; i < 4; i++) {
            state[i] = (float) (-0.1 + 0.2 * rng.nextDouble());
        }
    }

    @Override
    public double step(double[] s, float[] action) {
        double torque = TORQUES[(int) action[0]];
        double[] next = rk4(s, torque);
        s[0] = wrap(next[0]);
        s[1] = wrap(next[1]);
        s[2] = Math.min(Math.max(next[2], -MAX_VEL_1), MAX_VEL_1);
        s[3] = Math.min(Math.max(next[3], -MAX_VEL_2), MAX_VEL_2);
        return terminated(s) ? 0.0 : -1.0;
    }

    // one classical Runge-Kutta step of length DT (Gymnasium's rk4 over t = [0, dt])
    static double[] rk4(double[] s, double torque) {
        double[] k1 = derivatives(s, torque);
        double[] k2 = derivatives(plus(s, DT / 2, k1), torque);
        double[] k3 = derivatives(plus(s, DT / 2, k2), torque);
        double[] k4 = derivatives(plus(s, DT, k3), torque);
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = s[i] + DT / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return out;
    }

    private static double[] plus(double[] s, double h, double[] k) {
        return new double[] {s[0] + h * k[0], s[1] + h * k[1], s[2] + h * k[2], s[3] + h * k[3]};
    }

    // (θ̇1, θ̇2, θ̈1, θ̈2) under the book's equations of motion (Gymnasium's _dsdt with book_or_nips = "book")
    static double[] derivatives(double[] s, double a) {
        double m1 = LINK_MASS;
        double m2 = LINK_MASS;
        double l1 = LINK_LENGTH;
        double lc1 = COM;
        double lc2 = COM;
        double i1 = MOMENT;
        double i2 = MOMENT;
        double theta1 = s[0];
        double theta2 = s[1];
        double dtheta1 = s[2];
        double dtheta2 = s[3];
        double d1 = m1 * lc1 * lc1 + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * Math.cos(theta2)) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * Math.cos(theta2)) + i2;
        double phi2 = m2 * lc2 * GRAVITY * Math.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * dtheta2 * dtheta2 * Math.sin(theta2)
                - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.sin(theta2)
                + (m1 * lc1 + m2 * l1) * GRAVITY * Math.cos(theta1 - Math.PI / 2) + phi2;
        double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * dtheta1 * dtheta1 * Math.sin(theta2) - phi2)
                / (m2 * lc2 * lc2 + i2 - d2 * d2 / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2};
    }

    // Gymnasium's wrap(x, -π, π): add or subtract 2π until inside
    static double wrap(double x) {
        double diff = 2 * Math.PI;
        while (x > Math.PI) {
            x -= diff;
        }
        while (x < -Math.PI) {
            x += diff;
        }
        return x;
    }

    @Override
    public boolean terminated(double[] s) {
        return -Math.cos(s[0]) - Math.cos(s[1] + s[0]) > 1.0;
    }

    @Override
    public void observe(double[] s, float[] o) {
        o[0] = (float) Math.cos(s[0]);
        o[1] = (float) Math.sin(s[0]);
        o[2] = (float) Math.cos(s[1]);
        o[3] = (float) Math.sin(s[1]);
        o[4] = (float) s[2];
        o[5] = (float) s[3];
    }

    @Override
    public Scene scene(double[] s) {
        // θ1 = 0 hangs straight down; y points up
        double x1 = LINK_LENGTH * Math.sin(s[0]);
        double y1 = -LINK_LENGTH * Math.cos(s[0]);
        double x2 = x1 + LINK_LENGTH * Math.sin(s[0] + s[1]);
        double y2 = y1 - LINK_LENGTH * Math.cos(s[0] + s[1]);
        return new Scene(-2.2, 2.2, -2.2, 2.2, List.of(new Scene.Segment(-2.2, 1, 2.2, 1, '-'),
                new Scene.Segment(0, 0, x1, y1, '#'), new Scene.Segment(x1, y1, x2, y2, '*'),
                new Scene.Dot(0, 0, 0.1, 'o'), new Scene.Dot(x1, y1, 0.1, 'o')),
                String.format(Locale.ROOT, "θ1=%+.1f°  θ2=%+.1f°  tip height %+.2f (goal > 1)",
                        Math.toDegrees(s[0]), Math.toDegrees(s[1]), y2));
    }
}

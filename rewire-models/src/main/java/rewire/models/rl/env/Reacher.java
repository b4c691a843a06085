package rewire.models.rl.env;

import java.util.List;
import java.util.Locale;
import rewire.tensor.Rng;

/**
 * A planar two-link reacher with analytic dynamics, following Gymnasium's Reacher-v5
 * (gymnasium/envs/mujoco/reacher_v5.py and assets/reacher.xml) in everything but the simulator:
 * the same observation of 10, reward, start distribution, torques and time limit, with the arm's
 * equations of motion written out instead of run in MuJoCo.
 *
 * <p>From reacher.xml: link lengths 0.1 and 0.11 (to the fingertip), capsules of radius 0.01 and a
 * fingertip sphere of radius 0.01 at MuJoCo's default density 1000 (masses from the geometry, the
 * capsules' inertia taken as that of a solid cylinder), joint armature 1, damping 1, motors of gear
 * 200 on torques clipped to {@code [-1, 1]}, the second joint limited to {@code [-3, 3]} rad,
 * timestep 0.01 with RK4 and frame skip 2, so one step is 0.02 s. The manipulator equations
 * {@code M(q) q̈ + c(q, q̇) + D q̇ = 200 u} are those of a two-link planar arm (Spong, Hutchinson and
 * Vidyasagar, "Robot Modeling and Control", 2006, Sec. 7.4); the joint limit is an inelastic stop
 * (MuJoCo's is a soft constraint). Gravity acts along the hinge axes and drops out.
 *
 * <p>State {@code (q1, q2, q̇1, q̇2, gx, gy)}: joint angles start uniform in {@code [-0.1, 0.1]},
 * velocities in {@code [-0.005, 0.005]}, the target uniform in the disc of radius 0.2 (drawn in the
 * square until inside, as Gymnasium does). Observation
 * {@code (cos q1, cos q2, sin q1, sin q2, gx, gy, q̇1, q̇2, tip - target (x, y))}; reward
 * {@code -|tip - target| - Σ a²} after the step (reacher_v5.py's weights 1 and 1: the constructor's
 * default control weight is 1, its docstring says 0.1); never terminates; 50 steps.
 */
public final class Reacher implements Dynamics {
    static final double L1 = 0.1;
    static final double L2 = 0.11;
    static final double FRAME = 0.01;
    static final int FRAME_SKIP = 2;
    static final double GEAR = 200;
    static final double DAMPING = 1;
    static final double ARMATURE = 1;
    static final double JOINT2_LIMIT = 3.0;
    private static final double DENSITY = 1000;
    private static final double RADIUS = 0.01;
    private static final double CAPSULE_LENGTH = 0.1;
    private static final double CAPSULE_MASS = DENSITY * (Math.PI * RADIUS * RADIUS * CAPSULE_LENGTH
            + 4.0 / 3 * Math.PI * RADIUS * RADIUS * RADIUS);
    private static final double CAPSULE_INERTIA = CAPSULE_MASS * (3 * RADIUS * RADIUS
            + CAPSULE_LENGTH * CAPSULE_LENGTH) / 12;
    private static final double TIP_MASS = DENSITY * 4.0 / 3 * Math.PI * RADIUS * RADIUS * RADIUS;
    private static final double TIP_INERTIA = 0.4 * TIP_MASS * RADIUS * RADIUS;
    // link 1: the first capsule, centre at 0.05
    static final double M1 = CAPSULE_MASS;
    static final double LC1 = CAPSULE_LENGTH / 2;
    static final double I1 = CAPSULE_INERTIA;
    // body 2: the second capsule (centre 0.05) and the fingertip (at 0.11) as one rigid body
    static final double M2 = CAPSULE_MASS + TIP_MASS;
    static final double LC2 = (CAPSULE_MASS * CAPSULE_LENGTH / 2 + TIP_MASS * L2) / M2;
    static final double I2 = CAPSULE_INERTIA + CAPSULE_MASS * sq(CAPSULE_LENGTH / 2 - LC2) + TIP_INERTIA
            + TIP_MASS * sq(L2 - LC2);

    private static double sq(double x) {
        return x * x;
    }

    private final Spec spec = new Spec("Reacher-v5 (analytic dynamics)", 6, 10, ActionSpace.Box.symmetric(2, 1f), 50);

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public void reset(Rng rng, double[] s) {
        s[0] = -0.1 + 0.2 * rng.nextDouble();
        s[1] = -0.1 + 0.2 * rng.nextDouble();
        do {
            s[4] = -0.2 + 0.4 * rng.nextDouble();
            s[5] = -0.2 + 0.4 * rng.nextDouble();
        } while (Math.hypot(s[4], s[5]) >= 0.2);
        s[2] = -0.005 + 0.01 * rng.nextDouble();
        s[3] = -0.005 + 0.01 * rng.nextDouble();
    }

    @Override
    public double step(double[] s, float[] action) {
        double tau1 = GEAR * Math.min(Math.max(action[0], -1.0), 1.0);
        double tau2 = GEAR * Math.min(Math.max(action[1], -1.0), 1.0);
        for (int f = 0; f < FRAME_SKIP; f++) {
            rk4(s, tau1, tau2);
            if (Math.abs(s[1]) > JOINT2_LIMIT) {
                s[1] = Math.copySign(JOINT2_LIMIT, s[1]);
                if (s[3] * s[1] > 0) {
                    s[3] = 0;
                }
            }
        }
        double control = (double) action[0] * action[0] + (double) action[1] * action[1];
        return -Math.hypot(tipX(s) - s[4], tipY(s) - s[5]) - control;
    }

    // one RK4 step of length FRAME on (q1, q2, q̇1, q̇2)
    private static void rk4(double[] s, double tau1, double tau2) {
        double[] y = {s[0], s[1], s[2], s[3]};
        double[] k1 = derivatives(y, tau1, tau2);
        double[] k2 = derivatives(plus(y, FRAME / 2, k1), tau1, tau2);
        double[] k3 = derivatives(plus(y, FRAME / 2, k2), tau1, tau2);
        double[] k4 = derivatives(plus(y, FRAME, k3), tau1, tau2);
        for (int i = 0; i < 4; i++) {
            s[i] = y[i] + FRAME / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    private static double[] plus(double[] y, double h, double[] k) {
        return new double[] {y[0] + h * k[0], y[1] + h * k[1], y[2] + h * k[2], y[3] + h * k[3]};
    }

    /** {@code (q̇1, q̇2, q̈1, q̈2)} from {@code M(q) q̈ = τ - D q̇ - c(q, q̇)}, the 2 x 2 system solved exactly. */
    static double[] derivatives(double[] y, double tau1, double tau2) {
        double cos2 = Math.cos(y[1]);
        double h = M2 * L1 * LC2 * Math.sin(y[1]);
        double m11 = I1 + M1 * LC1 * LC1 + I2 + M2 * (L1 * L1 + LC2 * LC2 + 2 * L1 * LC2 * cos2) + ARMATURE;
        double m12 = I2 + M2 * (LC2 * LC2 + L1 * LC2 * cos2);
        double m22 = I2 + M2 * LC2 * LC2 + ARMATURE;
        double r1 = tau1 - DAMPING * y[2] + h * (2 * y[2] * y[3] + y[3] * y[3]);
        double r2 = tau2 - DAMPING * y[3] - h * y[2] * y[2];
        double det = m11 * m22 - m12 * m12;
        return new double[] {y[2], y[3], (m22 * r1 - m12 * r2) / det, (m11 * r2 - m12 * r1) / det};
    }

    static double tipX(double[] s) {
        return L1 * Math.cos(s[0]) + L2 * Math.cos(s[0] + s[1]);
    }

    static double tipY(double[] s) {
        return L1 * Math.sin(s[0]) + L2 * Math.sin(s[0] + s[1]);
    }

    @Override
    public boolean terminated(double[] s) {
        return false;
    }

    @Override
    public void observe(double[] s, float[] o) {
        o[0] = (float) Math.cos(s[0]);
        o[1] = (float) Math.cos(s[1]);
        o[2] = (float) Math.sin(s[0]);
        o[3] = (float) Math.sin(s[1]);
        o[4] = (float) s[4];
        o[5] = (float) s[5];
        o[6] = (float) s[2];
        o[7] = (float) s[3];
        o[8] = (float) (tipX(s) - s[4]);
        o[9] = (float) (tipY(s) - s[5]);
    }

    @Override
    public Scene scene(double[] s) {
        double elbowX = L1 * Math.cos(s[0]);
        double elbowY = L1 * Math.sin(s[0]);
        return new Scene(-0.25, 0.25, -0.25, 0.25, List.of(new Scene.Segment(0, 0, elbowX, elbowY, '#'),
                new Scene.Segment(elbowX, elbowY, tipX(s), tipY(s), '*'), new Scene.Dot(0, 0, 0.011, 'o'),
                new Scene.Dot(s[4], s[5], 0.009, 'X'), new Scene.Dot(tipX(s), tipY(s), 0.01, '@')),
                String.format(Locale.ROOT, "distance to target %.3f", Math.hypot(tipX(s) - s[4], tipY(s) - s[5])));
    }
}

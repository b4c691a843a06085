package rewire.models.rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

/**
 * The analytic reacher: masses from reacher.xml's geometry, equations of motion whose Coriolis and
 * centrifugal terms balance the mass matrix (the power the motors and damping put in is the rate of
 * change of kinetic energy), the joint stop, and Reacher-v5's observation and reward.
 */
class ReacherTest {

    @Test
    void massesComeFromTheGeometryAtDensityOneThousand() {
        // capsule: ρ (π r² L + 4/3 π r³) with r = 0.01, L = 0.1; fingertip sphere: ρ 4/3 π r³
        assertEquals(0.03560471674068433, Reacher.M1, 1e-15);
        assertEquals(0.03560471674068433 + 0.004188790204786391, Reacher.M2, 1e-15);
        // body 2's centre of mass between the capsule's centre (0.05) and the fingertip (0.11)
        assertEquals((0.03560471674068433 * 0.05 + 0.004188790204786391 * 0.11) / Reacher.M2, Reacher.LC2, 1e-15);
    }

    // kinetic energy ½ q̇ᵀ M(q) q̇ of the two-link arm with its armature
    private static double kinetic(double[] y) {
        double b = Reacher.M2 * Reacher.L1 * Reacher.LC2;
        double m22 = Reacher.I2 + Reacher.M2 * Reacher.LC2 * Reacher.LC2 + Reacher.ARMATURE;
        double m12 = m22 - Reacher.ARMATURE + b * Math.cos(y[1]);
        double m11 = Reacher.I1 + Reacher.M1 * Reacher.LC1 * Reacher.LC1 + Reacher.M2 * Reacher.L1 * Reacher.L1
                + m22 - Reacher.ARMATURE + 2 * b * Math.cos(y[1]) + Reacher.ARMATURE;
        return 0.5 * (m11 * y[2] * y[2] + 2 * m12 * y[2] * y[3] + m22 * y[3] * y[3]);
    }

    @Test
    void kineticEnergyChangesByThePowerOfTorquesAndDamping() {
        Rng rng = new Rng(11);
        for (int k = 0; k < 20; k++) {
            double[] y = {rng.nextGaussian(), rng.nextGaussian(), 5 * rng.nextGaussian(), 5 * rng.nextGaussian()};
            double tau1 = 50 * rng.nextGaussian();
            double tau2 = 50 * rng.nextGaussian();
            double[] d = Reacher.derivatives(y, tau1, tau2);
            double h = 1e-6;
            double[] ahead = new double[4];
            double[] behind = new double[4];
            for (int i = 0; i < 4; i++) {
                ahead[i] = y[i] + h * d[i];
                behind[i] = y[i] - h * d[i];
            }
            double dT = (kinetic(ahead) - kinetic(behind)) / (2 * h);
            double power = y[2] * (tau1 - Reacher.DAMPING * y[2]) + y[3] * (tau2 - Reacher.DAMPING * y[3]);
            assertEquals(power, dT, 1e-5 * (1 + Math.abs(power)), "case " + k);
        }
    }

    @Test
    void anArmAtRestStaysAtRestAndTorqueAcceleratesThroughTheInverseMassMatrix() {
        double[] d = Reacher.derivatives(new double[] {0.3, -0.2, 0, 0}, 0, 0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, d, 0);
        // straight arm: M = [[1.0011361, 0.0003945], [0.0003945, 1.0001704]], torque (200, 0)
        double[] push = Reacher.derivatives(new double[] {0, 0, 0, 0}, 200, 0);
        assertEquals(199.77306241079535, push[2], 1e-9);
        assertEquals(-0.07880197695461989, push[3], 1e-12);
    }

    @Test
    void theSecondJointStopsAtThreeRadians() {
        Reacher reacher = new Reacher();
        double[] s = {0, 2.9, 0, 0, 0.1, 0.1};
        for (int t = 0; t < 20; t++) {
            reacher.step(s, new float[] {0, 1});
            assertTrue(s[1] <= Reacher.JOINT2_LIMIT, "q2 = " + s[1]);
        }
        assertEquals(Reacher.JOINT2_LIMIT, s[1]);
        assertEquals(0, s[3], "an inelastic stop");
    }

    @Test
    void observationAndRewardAreReacherV5s() {
        Reacher reacher = new Reacher();
        double[] s = {0, 0, 0, 0, 0.1, 0.1};
        float[] o = new float[10];
        reacher.observe(s, o);
        // straight arm along x: the tip at (0.21, 0), the target at (0.1, 0.1)
        assertArrayEquals(new float[] {1, 1, 0, 0, 0.1f, 0.1f, 0, 0, 0.11f, -0.1f}, o, 1e-7f);
        double[] still = s.clone();
        double reward = reacher.step(still, new float[] {0.5f, -2f});
        assertEquals(-Math.hypot(Reacher.tipX(still) - 0.1, Reacher.tipY(still) - 0.1) - (0.25 + 4), reward, 1e-12,
                "distance after the step plus the squared action as given");
        assertEquals(50, reacher.episodeLimit());
        double[] start = new double[6];
        Rng rng = new Rng(3);
        for (int k = 0; k < 200; k++) {
            reacher.reset(rng, start);
            assertTrue(Math.hypot(start[4], start[5]) < 0.2 && Math.abs(start[0]) <= 0.1 && Math.abs(start[3]) <= 0.005);
        }
    }
}

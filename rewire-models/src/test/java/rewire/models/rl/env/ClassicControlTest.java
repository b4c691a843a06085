package rewire.models.rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Step-by-step trajectories of the four classic-control tasks against values derived from
 * Gymnasium's equations (cartpole.py, acrobot.py, pendulum.py, continuous_mountain_car.py): each
 * expected state was computed once, outside this code base, by those files' formulas in double
 * precision (and float32 storage where Gymnasium stores float32), and is written here to the last
 * digit. Rewards, termination and the time limits are checked alongside.
 */
class ClassicControlTest {
    private static final double EXACT = 1e-12;

    private static void assertState(double[] expected, double[] actual, String what) {
        assertArrayEquals(expected, actual, EXACT, what);
    }

    @Test
    void cartPoleFollowsEulerStepsOfTheBookEquations() {
        CartPole cartPole = new CartPole();
        double[] s = {0.01, -0.02, 0.03, -0.04};
        int[] actions = {1, 0, 1, 1, 0};
        double[][] expected = {
            {0.0096000000000000009, 0.17467919574755525, 0.0292, -0.32306871796000808},
            {0.013093583914951107, -0.020846120233304483, 0.022738625640799839, -0.021322189539218106},
            {0.012676661510285018, 0.17394248021606085, 0.022312181850015475, -0.30674497773442272},
            {0.016155511114606235, 0.36873950165756386, 0.016177282295327021, -0.59230854336011385},
            {0.023530301147757511, 0.1733948621597263, 0.0043311114281247443, -0.29457401165222385}};
        for (int t = 0; t < actions.length; t++) {
            assertEquals(1.0, cartPole.step(s, new float[] {actions[t]}));
            assertState(expected[t], s, "step " + t);
            assertFalse(cartPole.terminated(s));
        }
    }

    @Test
    void cartPoleEndsPastTwelveDegreesOrTheTrackAndStillPaysTheLastStep() {
        CartPole cartPole = new CartPole();
        assertEquals(0.20943951023931953, CartPole.THETA_LIMIT, EXACT, "12 degrees");
        assertTrue(cartPole.terminated(new double[] {0, 0, 0.21, 0}));
        assertTrue(cartPole.terminated(new double[] {-2.41, 0, 0, 0}));
        assertFalse(cartPole.terminated(new double[] {2.39, 0, -0.2, 0}));
        double[] falling = {0, 0, 0.2094, 1.0};
        assertEquals(1.0, cartPole.step(falling, new float[] {0}), "the terminating step pays +1");
        assertTrue(cartPole.terminated(falling));
        assertEquals(500, cartPole.episodeLimit());
    }

    @Test
    void acrobotIntegratesOneRungeKuttaStepAndWrapsAndBounds() {
        Acrobot acrobot = new Acrobot();
        double[] s = {0.05, -0.03, 0.02, 0.01};
        int[] actions = {2, 0, 1, 2, 2, 2};
        double[][] expected = {
            {0.033964268077167063, 0.014028356136744108, -0.17546465025153701, 0.41971560226526911},
            {0.010256406751987378, 0.061304367014462395, -0.055584146076503763, 0.041737111311264397},
            {-0.00046751124082028417, 0.063639685627065484, -0.049426499407036022, -0.020389087054447329},
            {-0.021993874432321085, 0.087050412281957312, -0.16056045828258655, 0.24677061233138711},
            {-0.061416255719784985, 0.15685541302311165, -0.22333528831596922, 0.43282607806385354},
            {-0.10651940622116028, 0.25126874376652719, -0.21562197714645373, 0.48818617572546569}};
        for (int t = 0; t < actions.length; t++) {
            assertEquals(-1.0, acrobot.step(s, new float[] {actions[t]}));
            assertState(expected[t], s, "step " + t);
        }
        float[] o = new float[6];
        acrobot.observe(s, o);
        assertArrayEquals(new float[] {(float) Math.cos(s[0]), (float) Math.sin(s[0]), (float) Math.cos(s[1]),
            (float) Math.sin(s[1]), (float) s[2], (float) s[3]}, o);
    }

    @Test
    void acrobotTerminatesAboveTheLineWithRewardZero() {
        Acrobot acrobot = new Acrobot();
        double[] s = {2.9, 0.2, 1.0, 1.0};
        assertEquals(0.0, acrobot.step(s, new float[] {2}));
        assertState(new double[] {3.0655217379805779, 0.46961031943439169, 0.6985225161203934, 1.6905646209381744}, s,
                "near the top");
        assertTrue(acrobot.terminated(s));
        assertEquals(Math.PI - 0.5, Acrobot.wrap(3 * Math.PI - 0.5), 1e-12);
        assertEquals(4 * Math.PI, Acrobot.MAX_VEL_1);
    }

    @Test
    void pendulumPaysTheCostOfTheStateBeforeTheStepAndClipsTorque() {
        Pendulum pendulum = new Pendulum();
        double[] s = {3.0, -0.5};
        float[] torques = {2.0f, -2.0f, 0.5f, 3.0f};
        double[][] expected = {{2.995292000302245, -0.094159993955099608}, {2.9810507247759279, -0.28482551052633948},
            {2.9765539438785082, -0.089935617948396385}, {2.9932180572874816, 0.33328226817946754}};
        double[] rewards = {-9.0289999999999999, -8.9766607775207827, -8.8950259808317451, -8.8646822223562811};
        for (int t = 0; t < torques.length; t++) {
            assertEquals(rewards[t], pendulum.step(s, new float[] {torques[t]}), EXACT, "reward " + t);
            assertState(expected[t], s, "step " + t);
        }
        assertEquals(0.71681469282041377, Pendulum.normalize(7.0), EXACT);
        assertEquals(2.2831853071795862, Pendulum.normalize(-4.0), EXACT);
        assertFalse(pendulum.terminated(new double[] {0, 0}));
        assertEquals(200, pendulum.episodeLimit());
    }

    @Test
    void mountainCarStoresFloatStatesPaysTheGoalAndStopsAtTheWall() {
        MountainCarContinuous car = new MountainCarContinuous();
        double[] s = {-0.5, 0.0};
        float[] forces = {1.0f, 1.0f, -0.5f, 0.25f};
        double[][] expected = {{-0.4986768364906311, 0.0013231569901108742}, {-0.49604043364524841, 0.002636416582390666},
            {-0.49436047673225403, 0.0016799643635749817}, {-0.49252450466156006, 0.0018359582172706723}};
        double[] rewards = {-0.10000000000000001, -0.10000000000000001, -0.025000000000000001, -0.0062500000000000003};
        for (int t = 0; t < forces.length; t++) {
            assertEquals(rewards[t], car.step(s, new float[] {forces[t]}), EXACT, "reward " + t);
            assertState(expected[t], s, "step " + t);
            assertFalse(car.terminated(s));
        }
        double[] nearGoal = {0.44, 0.02};
        assertEquals(99.974999999999994, car.step(nearGoal, new float[] {0.5f}), EXACT);
        assertState(new double[] {0.46012955904006958, 0.020129561424255371}, nearGoal, "past the flag");
        assertTrue(car.terminated(nearGoal));
        double[] wall = {-1.19, -0.05};
        car.step(wall, new float[] {-1f});
        assertState(new double[] {-1.2000000476837158, 0}, wall, "inelastic wall");
        assertEquals(999, car.episodeLimit());
    }
}

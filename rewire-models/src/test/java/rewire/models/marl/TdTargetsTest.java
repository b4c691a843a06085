package rewire.models.marl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** TD targets and MAST's hybrid schema: the faithfulness checks of METHODS.md A.6. */
class TdTargetsTest {
    private static final double GAMMA = 0.9;
    // one episode of 5 steps (B = 1), bootstrap values at decision points 0 … 5
    private static final float[] REWARDS = {1, 0, 2, -1, 3};
    private static final float[] VALUES = {0, 0.5f, -0.3f, 1.2f, 0.8f, 2.0f};
    private static final float[] MASK = {1, 1, 1, 1, 1};

    private static float[] run(TdTargets t, boolean terminal, float[] values) {
        float[] term = new float[5];
        term[4] = terminal ? 1 : 0;
        return t.compute(REWARDS, term, MASK, values, 1, 5);
    }

    @Test
    void lambdaZeroIsTheOneStepTarget() {
        for (boolean terminal : new boolean[] {true, false}) {
            assertArrayEquals(run(TdTargets.oneStep(GAMMA), terminal, VALUES),
                    run(TdTargets.lambda(GAMMA, 0), terminal, VALUES), 1e-6f);
        }
        float[] one = run(TdTargets.oneStep(GAMMA), true, VALUES);
        assertEquals(REWARDS[1] + GAMMA * VALUES[2], one[1], 1e-6);
        assertEquals(REWARDS[4], one[4], 1e-6);  // terminal: no bootstrap after the last step
    }

    @Test
    void lambdaOneWithZeroValuesIsTheMonteCarloReturn() {
        float[] y = run(TdTargets.lambda(GAMMA, 1), true, new float[6]);
        for (int t = 0; t < 5; t++) {
            double g = 0;
            for (int k = 4; k >= t; k--) {
                g = REWARDS[k] + GAMMA * g;
            }
            assertEquals(g, y[t], 1e-5);
        }
    }

    @Test
    void recursiveLambdaEqualsTheExplicitWeightedSum() {
        double lambda = 0.7;
        for (boolean terminal : new boolean[] {true, false}) {
            float[] recursive = run(TdTargets.lambda(GAMMA, lambda), terminal, VALUES);
            for (int t = 0; t < 5; t++) {
                int left = 5 - t;
                double sum = 0;
                for (int n = 1; n < left; n++) {
                    sum += (1 - lambda) * Math.pow(lambda, n - 1) * nStep(t, n, terminal);
                }
                sum += Math.pow(lambda, left - 1) * nStep(t, left, terminal);  // the tail weight on the full return
                assertEquals(sum, recursive[t], 1e-5, "t " + t + " terminal " + terminal);
            }
        }
    }

    // G^(n) of step t: n rewards, then the bootstrap (0 after a terminal end)
    private static double nStep(int t, int n, boolean terminal) {
        double g = 0;
        for (int k = 0; k < n; k++) {
            g += Math.pow(GAMMA, k) * REWARDS[t + k];
        }
        boolean end = t + n == 5;
        return g + (end && terminal ? 0 : Math.pow(GAMMA, n) * VALUES[t + n]);
    }

    @Test
    void nStepTargetsMatchTheirDefinitionAndTimeoutsBootstrap() {
        float[] y = run(TdTargets.nStep(GAMMA, 3), false, VALUES);
        for (int t = 0; t < 5; t++) {
            assertEquals(nStep(t, Math.min(3, 5 - t), false), y[t], 1e-5);
        }
        assertEquals(REWARDS[4] + GAMMA * VALUES[5], y[4], 1e-6);  // a timeout keeps the bootstrap
    }

    @Test
    void paddedStepsOfShorterEpisodesGetNothing() {
        // B = 2: episode 0 has 2 steps (terminal), episode 1 has 3 steps (timeout); index t·2 + b
        float[] rewards = {1, 2, 3, 4, 0, 5};
        float[] mask = {1, 1, 1, 1, 0, 1};
        float[] term = {0, 0, 1, 0, 0, 0};
        float[] boot = {0, 0, 10, 20, 30, 40, 50, 60};
        float[] y = TdTargets.oneStep(0.5).compute(rewards, term, mask, boot, 2, 3);
        assertArrayEquals(new float[] {1 + 5, 2 + 10, 3, 4 + 20, 0, 5 + 30}, y, 1e-6f);
    }

    @Test
    void theHybridSwitchHappensExactlyAtT0() {
        TargetSchedule s = TargetSchedule.hybrid(GAMMA, 0.6, 1000);
        assertEquals(TdTargets.Kind.ONESTEP, s.at(0).kind());
        assertEquals(TdTargets.Kind.ONESTEP, s.at(999).kind());
        assertEquals(TdTargets.Kind.LAMBDA, s.at(1000).kind());
        assertEquals(0.6, s.at(5000).lambda());
        assertEquals(TdTargets.Kind.LAMBDA, TargetSchedule.hybrid(GAMMA, 0.6, 0).at(0).kind());
    }
}

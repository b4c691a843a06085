package rewire.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;

/**
 * Every optimizer minimizes {@code f(w) = 1/2 sum_i a_i (w_i - c_i)^2} over a sparse and a dense
 * parameter (curvatures {@code a_i} in [0.5, 2], so the problem is mildly ill-conditioned).
 */
class QuadraticConvergenceTest {
    private static final int STEPS = 1500;

    static List<Arguments> optimizers() {
        return List.of(
                Arguments.of("sgd", Optim.sgd(0.4)),
                Arguments.of("momentum", Optim.momentum(0.1, 0.9, false)),
                Arguments.of("nesterov", Optim.momentum(0.1, 0.9, true)),
                Arguments.of("adam, cosine", Optim.adam(Schedule.cosine(0.05, 0, STEPS), 0.9, 0.999, 1e-8)),
                Arguments.of("adamw, warm-up + cosine",
                        Optim.adamw(Schedule.warmupThen(50, Schedule.cosine(0.05, 0, STEPS - 50)), 0.9, 0.999, 1e-8, 1e-4)),
                Arguments.of("clipped sgd, step decay",
                        Optim.chain(Optim.clipByGlobalNorm(0.5), Optim.sgd(Schedule.stepDecay(0.4, 500, 0.5)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void convergesToTheMinimum(String name, Transform optimizer) {
        Problem problem = new Problem(new Rng(42));
        double initialLoss = problem.loss();
        Slots slots = new Slots();
        for (int step = 0; step < STEPS; step++) {
            problem.computeGradients();
            Optim.step(optimizer, problem.params, slots, step);
        }
        double loss = problem.loss();
        assertTrue(loss < 1e-6 * initialLoss, name + ": loss " + initialLoss + " -> " + loss);
    }

    @Test
    void coupledWeightDecayConvergesToTheShrunkMinimum() {
        // minimum of f(w) + wd/2 |w|^2 is w_i = a_i c_i / (a_i + wd)
        double wd = 0.1;
        Problem problem = new Problem(new Rng(7));
        Transform optimizer = Optim.chain(Optim.addWeightDecay(wd), Optim.momentum(0.1, 0.9, true));
        Slots slots = new Slots();
        for (int step = 0; step < STEPS; step++) {
            problem.computeGradients();
            Optim.step(optimizer, problem.params, slots, step);
        }
        for (int p = 0; p < problem.params.size(); p++) {
            float[] w = problem.params.get(p).values();
            for (int i = 0; i < w.length; i++) {
                double a = problem.curvature[p][i];
                assertEquals(a * problem.target[p][i] / (a + wd), w[i], 1e-5);
            }
        }
    }

    /** A sparse 20 x 30 parameter at 10% density and a dense 7-vector, all starting at zero. */
    private static final class Problem {
        final List<Param> params;
        final float[][] curvature;
        final float[][] target;

        Problem(Rng rng) {
            SparseParam sparse = new SparseParam("w", CsrMatrix.zeros(Patterns.random(20, 30, 60, rng)));
            DenseParam dense = OptimReferenceTest.dense("b", new float[7]);
            params = List.of(sparse, dense);
            curvature = new float[2][];
            target = new float[2][];
            for (int p = 0; p < 2; p++) {
                int n = params.get(p).size();
                curvature[p] = new float[n];
                target[p] = new float[n];
                for (int i = 0; i < n; i++) {
                    curvature[p][i] = (float) (0.5 + 1.5 * rng.nextDouble());
                    target[p][i] = (float) (2 * rng.nextDouble() - 1);
                }
            }
        }

        void computeGradients() {
            for (int p = 0; p < params.size(); p++) {
                float[] w = params.get(p).values();
                float[] g = params.get(p).grad();
                for (int i = 0; i < w.length; i++) {
                    g[i] = curvature[p][i] * (w[i] - target[p][i]);
                }
            }
        }

        double loss() {
            double sum = 0;
            for (int p = 0; p < params.size(); p++) {
                float[] w = params.get(p).values();
                for (int i = 0; i < w.length; i++) {
                    double d = w[i] - target[p][i];
                    sum += 0.5 * curvature[p][i] * d * d;
                }
            }
            return sum;
        }
    }
}

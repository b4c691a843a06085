package rewire.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.tensor.Tensor;

/**
 * Each optimizer for three steps on fixed gradients, against values worked out by hand (in the
 * comments) and printed by PyTorch 1.13.1 (src/test/resources/rewire/optim/pytorch_reference.py).
 * The parameter starts at (1, -2); the gradients are (1, 0.5), (2, -1), (-1, 0.25).
 */
class OptimReferenceTest {
    private static final float[][] GRADS = {{1f, 0.5f}, {2f, -1f}, {-1f, 0.25f}};
    /** A few float ulps at magnitude 2: PyTorch rounds in a slightly different order. */
    private static final float TOLERANCE = 1e-6f;

    @Test
    void momentumFollowsPyTorchSgd() {
        // buf = 0.9 buf + g: 1, 2.9, 1.61 | 0.5, -0.55, -0.245; w -= 0.1 buf
        assertTrajectory(Optim.momentum(0.1, 0.9, false), new float[][] {
            {0.9f, -2.05f}, {0.61f, -1.995f}, {0.449f, -1.9705f}});
    }

    @Test
    void nesterovMomentumFollowsPyTorchSgd() {
        // u = g + 0.9 buf: 1.9, 4.61, 0.449 | 0.95, -1.495, 0.0295; w -= 0.1 u
        assertTrajectory(Optim.momentum(0.1, 0.9, true), new float[][] {
            {0.81f, -2.095f}, {0.349f, -1.9455f}, {0.3041f, -1.94845f}});
    }

    @Test
    void coupledWeightDecayBeforeMomentumIsPyTorchSgdWeightDecay() {
        // g' = g + 0.01 w: 1.01, 2.00899, -0.99392799; buf 1.01, 2.91799, 1.63226301;
        // w: 0.899, 0.607201, 0.443974699 (second coordinate likewise)
        Transform sgdL2 = Optim.chain(Optim.addWeightDecay(0.01), Optim.momentum(0.1, 0.9, false));
        assertTrajectory(sgdL2, new float[][] {
            {0.899f, -2.048f}, {0.607201f, -1.989152f}, {0.44397467f, -1.9591997f}});
    }

    @Test
    void adamAppliesBiasCorrectionAtSteps1And2() {
        // step 1: m = 0.1 g, v = 0.001 g^2, c1 = 0.1, c2 = 0.001, so u = g / (|g| + 1e-8) = ~sign(g)
        // step 2, first coordinate: m = 0.29, v = 0.004999, c1 = 0.19, c2 = 0.001999,
        // u = (0.29 / 0.19) / (sqrt(0.004999 / 0.001999) + 1e-8) = 1.5263158 / 1.5813761 = 0.9651819
        assertTrajectory(Optim.adam(0.1, 0.9, 0.999, 1e-8), new float[][] {
            {0.9f, -2.1f}, {0.8034818f, -2.0633895f}, {0.7614729f, -2.0497205f}});
    }

    @Test
    void adamAddsEpsOutsideTheSquareRootOfTheCorrectedMoment() {
        // a large eps makes the placement visible; step 1: u = |g| / (|g| + 0.1): 1 / 1.1 and 0.5 / 0.6
        // (inside the root it would be 1 / sqrt(1.1)); step 2: 1.5263158 / (1.5813761 + 0.1) = 0.9077678
        assertTrajectory(Optim.adam(0.1, 0.9, 0.999, 0.1), new float[][] {
            {0.9090909f, -2.0833333f}, {0.8183132f, -2.0508332f}, {0.7790785f, -2.0389595f}});
    }

    @Test
    void adamwDecaysDecoupledFromTheMoments() {
        // step 1: w = 1 - 0.1 * (1 + 0.1 * 1) = 0.89 and -2 - 0.1 * (1 - 0.1 * 2) = -2.08;
        // the moments see only g, so Adam's direction is the same as without decay
        assertTrajectory(Optim.adamw(0.1, 0.9, 0.999, 1e-8, 0.1), new float[][] {
            {0.89f, -2.08f}, {0.7845818f, -2.0225897f}, {0.7347271f, -1.9886949f}});
    }

    @Test
    void clipsByTheNormAcrossAllParameters() {
        // |(3, 4, 12)| = 13 > 6.5, factor 6.5 / (13 + 1e-6), then w -= 1 * clipped g
        DenseParam a = dense("a", 1f, 1f);
        DenseParam b = dense("b", 1f);
        System.arraycopy(new float[] {3f, 4f}, 0, a.grad(), 0, 2);
        b.grad()[0] = 12f;
        Optim.step(Optim.chain(Optim.clipByGlobalNorm(6.5), Optim.sgd(1.0)), List.of(a, b), new Slots(), 0);
        assertArrayEquals(new float[] {-0.49999988f, -0.9999999f}, a.values(), TOLERANCE);
        assertArrayEquals(new float[] {-4.9999995f}, b.values(), TOLERANCE);
        double appliedNorm = Math.sqrt(sq(a.grad()[0]) + sq(a.grad()[1]) + sq(b.grad()[0]));
        assertEquals(6.5, appliedNorm, 1e-5, "the applied update has the clipped norm");
    }

    @Test
    void clipThenWeightDecayThenMomentumThenScheduleIsPyTorchsUsualLoop() {
        // clip_grad_norm_(1), SGD(momentum 0.9, weight_decay 0.01), LambdaLR giving lr 0, 0.1, 0.055.
        // step 0: g = (1, 0.5) / 1.118034 + 0.01 w = (0.904427, 0.427214) = buf, lr 0 keeps w;
        // step 1: buf = 0.9 buf + (0.894427, -0.447214) + 0.01 w = (1.718411, -0.082721), w -= 0.1 buf
        Transform optimizer = Optim.chain(Optim.clipByGlobalNorm(1.0), Optim.addWeightDecay(0.01),
                Optim.trace(0.9, false), Optim.scaleByLearningRate(Schedule.warmupThen(1, Schedule.cosine(0.1, 0.01, 2))));
        assertTrajectory(optimizer, new float[][] {{1f, -2f}, {0.828159f, -1.9917278f}, {0.796f, -1.9998771f}});
    }

    @Test
    void scheduledLearningRateIsReadAtEachStep() {
        // lr 0.1, 0.05, 0.0 on g = 1, 2, -1: w = 0.9, 0.8, 0.8
        Schedule lr = Schedule.linear(0.1, 0.0, 2);
        assertTrajectory(Optim.sgd(lr), new float[][] {{0.9f, -2.05f}, {0.8f, -2.0f}, {0.8f, -2.0f}});
    }

    private static void assertTrajectory(Transform optimizer, float[][] expected) {
        DenseParam w = dense("w", 1f, -2f);
        Slots slots = new Slots();
        for (int step = 0; step < GRADS.length; step++) {
            System.arraycopy(GRADS[step], 0, w.grad(), 0, 2);
            Optim.step(optimizer, List.<Param>of(w), slots, step);
            assertArrayEquals(expected[step], w.values(), TOLERANCE, "after step " + (step + 1));
        }
    }

    static DenseParam dense(String name, float... values) {
        return new DenseParam(name, Tensor.of(values, values.length));
    }

    private static double sq(float x) {
        return (double) x * x;
    }
}

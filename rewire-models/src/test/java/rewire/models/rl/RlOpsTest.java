package rewire.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import rewire.autodiff.Activations;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.testkit.GradCheck;

/** Every RL op's gradient against finite differences, and the values the losses rely on. */
class RlOpsTest {
    private final Rng rng = new Rng(21);

    private Tensor gaussian(int... dims) {
        Tensor t = Tensor.zeros(dims);
        for (int i = 0; i < t.size(); i++) {
            float v = (float) rng.nextGaussian();
            t.data()[i] = Math.copySign(0.1f + Math.abs(v), v);  // away from kinks at 0
        }
        return t;
    }

    private void check(Function<Tape, Var> op, Var... wrt) {
        GradCheck.ofProjected(op, rng, wrt).assertPasses();
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Var x = Var.leaf(gaussian(4, 6));
        Var z = Var.leaf(gaussian(2, 6));
        check(t -> RlOps.sumRows(t, x), x);
        check(t -> RlOps.exp(t, x), x);
        check(t -> RlOps.affine(t, x, -1.5, 0.25), x);
        check(t -> RlOps.avgL1Norm(t, x), x);
        check(t -> RlOps.concatRows(t, x, z), x, z);
        check(t -> RlOps.sliceRows(t, x, 1, 3), x);
        Var y = Var.leaf(gaussian(4, 6));
        y.value().data()[0] = x.value().data()[0] + 0.5f;  // both branches, well apart
        y.value().data()[1] = x.value().data()[1] - 0.5f;
        check(t -> RlOps.minimum(t, x, y), x, y);
        Var all = Var.leaf(gaussian(4, 2 * 3));
        check(t -> RlOps.gatherChosen(t, all, new int[] {0, 3, 2, 1, 1, 0}, 3), all);
        Var pred = Var.leaf(gaussian(1, 4));
        GradCheck.ofTape(t -> RlOps.maskedSquaredError(t, pred, new float[] {1, 2, 3, 4}, new float[] {1, 0, 1, 1}),
                pred).assertPasses();
        float[] target = gaussian(4, 6).data();
        GradCheck.ofTape(t -> RlOps.squaredError(t, x, target), x).assertPasses();
    }

    @Test
    void theSquashedLogProbIsTheDensityOfTanhOfAGaussian() {
        Var logStd = Var.leaf(gaussian(2, 3));
        Var u = Var.leaf(gaussian(2, 3));
        Tensor noise = gaussian(2, 3);
        check(t -> RlOps.squashedLogProb(t, logStd, u, noise), logStd, u);
        // one dimension: log N(u; μ, σ) - log(1 - tanh² u) with u = μ + σ ε
        double mu = 0.3;
        double sigma = 0.7;
        double eps = -1.2;
        double uValue = mu + sigma * eps;
        double expected = -0.5 * eps * eps - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI)
                - Math.log(1 - Math.tanh(uValue) * Math.tanh(uValue));
        Var lp = RlOps.squashedLogProb(new Tape(), Var.constant(Tensor.of(new float[] {(float) Math.log(sigma)}, 1, 1)),
                Var.constant(Tensor.of(new float[] {(float) uValue}, 1, 1)), Tensor.of(new float[] {(float) eps}, 1, 1));
        assertEquals(expected, lp.value().data()[0], 1e-5);
        // far in the tail tanh² u rounds to 1, the stable form stays finite: log(1 - tanh² 20) ≈ 2 (log 2 - 20)
        Var tail = RlOps.squashedLogProb(new Tape(), Var.constant(Tensor.zeros(1, 1)),
                Var.constant(Tensor.of(new float[] {20}, 1, 1)), Tensor.zeros(1, 1));
        assertEquals(-0.5 * Math.log(2 * Math.PI) - 2 * (Math.log(2) - 20), tail.value().data()[0], 1e-4);
    }

    @Test
    void theReparameterizedActionCarriesGradientsToMeanAndLogStd() {
        // u = μ + exp(log σ) ⊙ ε, a = tanh(u): the composition the Gaussian actor records
        Var mean = Var.leaf(gaussian(2, 4));
        Var logStd = Var.leaf(gaussian(2, 4));
        Tensor eps = gaussian(2, 4);
        check(t -> Activations.tanh(t, Ops.add(t, mean, Ops.mul(t, RlOps.exp(t, logStd), Var.constant(eps)))), mean,
                logStd);
        Tape tape = new Tape();
        Var cat = RlOps.concatRows(tape, Var.constant(Tensor.of(new float[] {1, 2}, 1, 2)),
                Var.constant(Tensor.of(new float[] {3, 4, 5, 6}, 2, 2)));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, cat.value().data());
        assertArrayEquals(new float[] {3, 4}, RlOps.sliceRows(tape, cat, 1, 2).value().data());
        // each column scaled to mean |x| = 1: column (1, -3) by 2, column (2, 0) by 1
        assertArrayEquals(new float[] {0.5f, 2, -1.5f, 0}, RlOps.avgL1Norm(tape,
                Var.constant(Tensor.of(new float[] {1, 2, -3, 0}, 2, 2))).value().data());
    }
}

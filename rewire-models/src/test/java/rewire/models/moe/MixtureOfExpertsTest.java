package rewire.models.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.autodiff.Activations;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.DenseParam;
import rewire.nn.Init;
import rewire.nn.Linear;
import rewire.prune.LayerStatistics;
import rewire.prune.PruneTarget;
import rewire.prune.Statistic;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.testkit.GradCheck;

/** A mixture's output token by token, its gradients, and what its experts' layers show a calibration (METHODS.md H.4). */
class MixtureOfExpertsTest {
    private static final int D = 6;
    private static final int HIDDEN = 8;
    private static final int EXPERTS = 3;
    private static final int TOKENS = 10;

    private record Mixture(MixtureOfExperts layer, List<Linear> fcs, List<Linear> projs, Linear router) {
    }

    private static Mixture mixture(long seed, int k) {
        Rng rng = new Rng(seed);
        List<Mlp> experts = new ArrayList<>();
        List<Linear> fcs = new ArrayList<>();
        List<Linear> projs = new ArrayList<>();
        for (int e = 0; e < EXPERTS; e++) {
            Linear fc = Linear.create("e" + e + ".fc", D, HIDDEN, false, Init.kaimingNormal(), rng.fold(2 * e));
            Linear proj = Linear.create("e" + e + ".proj", HIDDEN, D, false, Init.kaimingNormal(), rng.fold(2 * e + 1));
            fcs.add(fc);
            projs.add(proj);
            experts.add(new Mlp(fc, proj));
        }
        // router (E, d): 4·identity on the first E features, so routing follows them (see input)
        Tensor w = Tensor.zeros(EXPERTS, D);
        for (int e = 0; e < EXPERTS; e++) {
            w.data()[e * D + e] = 4f;
        }
        Linear router = new Linear(new DenseParam("router.weight", w), null);
        return new Mixture(new MixtureOfExperts(router, experts, k), fcs, projs, router);
    }

    // tokens (d, N) whose first E features are a shuffle of 0, 1, 2 (separated logits), the rest Gaussian
    private static Tensor input(Rng rng, int tokens) {
        Tensor x = Tensor.zeros(D, tokens);
        for (int t = 0; t < tokens; t++) {
            int shift = rng.nextInt(EXPERTS);
            for (int e = 0; e < EXPERTS; e++) {
                x.data()[e * tokens + t] = (float) ((e + shift) % EXPERTS + 0.05 * rng.nextDouble());
            }
            for (int j = EXPERTS; j < D; j++) {
                x.data()[j * tokens + t] = (float) rng.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void eachTokenGetsTheGatedSumOfItsChosenExperts() {
        Mixture m = mixture(1, 2);
        Tensor x = input(new Rng(2), TOKENS);
        Tape tape = new Tape();
        float[] y = m.layer().forward(tape, Var.constant(x)).value().data();
        Routing r = m.layer().routing();
        for (int t = 0; t < TOKENS; t++) {
            Tensor column = Tensor.zeros(D, 1);
            for (int i = 0; i < D; i++) {
                column.data()[i] = x.data()[i * TOKENS + t];
            }
            double[] expected = new double[D];
            float[] g = r.weights(t);
            int[] chosen = r.chosen(t);
            for (int s = 0; s < chosen.length; s++) {
                Var out = m.projs().get(chosen[s]).forward(tape,
                        Activations.gelu(tape, m.fcs().get(chosen[s]).forward(tape, Var.constant(column))));
                for (int i = 0; i < D; i++) {
                    expected[i] += g[s] * out.value().data()[i];
                }
            }
            for (int i = 0; i < D; i++) {
                assertEquals(expected[i], y[i * TOKENS + t], 1e-5, "token " + t + ", feature " + i);
            }
        }
    }

    @Test
    void gradientsReachTheRouterTheExpertsAndTheInput() {
        Mixture m = mixture(3, 2);
        Rng rng = new Rng(4);
        Var x = Var.leaf(input(rng, TOKENS));
        Var router = Var.param(m.router().weight().value(), m.router().weight().gradTensor());
        Var fc = Var.param(m.fcs().get(1).weight().value(), m.fcs().get(1).weight().gradTensor());
        Var proj = Var.param(m.projs().get(2).weight().value(), m.projs().get(2).weight().gradTensor());
        GradCheck.ofProjected(t -> m.layer().forward(t, x), rng, router, fc, proj, x).assertPasses();
    }

    @Test
    void tokensNotRoutedToAnExpertContributeNothingToItsStatistics() {
        Mixture m = mixture(5, 1);
        Tensor all = input(new Rng(6), 40);
        for (int e = 0; e < EXPERTS; e++) {
            LayerStatistics fromAll = calibrate(m, e, all);
            int[] routed = m.layer().routing().tokens(e);
            float[] gates = m.layer().routing().gates(e);
            assertTrue(routed.length > 0 && routed.length < 40, "expert " + e + " serves " + routed.length);
            LayerStatistics fromRouted = calibrate(m, e, columns(all, routed));
            assertArrayEquals(fromRouted.gatedColumnNorms(), fromAll.gatedColumnNorms(), "expert " + e);
            assertArrayEquals(fromRouted.columnNorms(), fromAll.columnNorms(), "expert " + e);
            assertEquals(routed.length, fromAll.tokens());
            for (int j = 0; j < D; j++) {
                double sum = 0;
                for (int i = 0; i < routed.length; i++) {
                    double v = all.data()[j * 40 + routed[i]] * gates[i];
                    sum += v * v;
                }
                assertEquals(Math.sqrt(sum), fromAll.gatedColumnNorms()[j], 1e-9, "expert " + e + ", input " + j);
            }
        }
    }

    // expert e's fc statistics over one forward pass of x, watched as the GPT's prune targets watch it
    private static LayerStatistics calibrate(Mixture m, int e, Tensor x) {
        LayerStatistics s = new LayerStatistics("e" + e + ".fc", D,
                EnumSet.of(Statistic.SQUARED_NORMS, Statistic.GATED_SQUARED_NORMS));
        PruneTarget target = PruneTarget.gated(0, m.fcs().get(e).weight(), m.fcs().get(e)::observeInputs,
                () -> m.layer().gatesOf(e));
        target.watch(s);
        m.layer().forward(new Tape(), Var.constant(x));
        target.unwatch();
        return s;
    }

    private static Tensor columns(Tensor x, int[] cols) {
        Tensor out = Tensor.zeros(x.rows(), cols.length);
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < cols.length; j++) {
                out.data()[i * cols.length + j] = x.data()[i * x.cols() + cols[j]];
            }
        }
        return out;
    }
}

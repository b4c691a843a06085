package rewire.models.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.testkit.GradCheck;

/** The mixture's ops: their values by definition and their gradients by finite differences. */
class MoeOpsTest {
    private static final int EXPERTS = 4;
    private static final int TOKENS = 7;

    // logits (E, N) whose columns are a shuffle of 0, 0.5, 1, 1.5 plus noise below 0.1: the top-k never
    // changes under a finite-difference step, so the check stays off the selection's kinks
    static Var separatedLogits(Rng rng) {
        Tensor z = Tensor.zeros(EXPERTS, TOKENS);
        for (int t = 0; t < TOKENS; t++) {
            int[] order = {0, 1, 2, 3};
            for (int i = EXPERTS - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int e = 0; e < EXPERTS; e++) {
                z.data()[e * TOKENS + t] = (float) (0.5 * order[e] + 0.1 * rng.nextDouble());
            }
        }
        return Var.leaf(z);
    }

    static Var leaf(Rng rng, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return Var.leaf(t);
    }

    @Test
    void topKGatesAreTheSoftmaxOfTheChosenLogitsAndZeroElsewhere() {
        Var z = separatedLogits(new Rng(1));
        MoeOps.Routed r = MoeOps.topKGates(new Tape(), z, 2);
        float[] zv = z.value().data();
        for (int t = 0; t < TOKENS; t++) {
            int[] chosen = r.routing().chosen(t);
            assertEquals(2, chosen.length);
            double a = zv[chosen[0] * TOKENS + t];
            double b = zv[chosen[1] * TOKENS + t];
            for (int e = 0; e < EXPERTS; e++) {
                if (e != chosen[0] && e != chosen[1]) {
                    assertEquals(0f, r.gates().value().data()[e * TOKENS + t]);
                    assertTrue(zv[e * TOKENS + t] < Math.min(a, b), "token " + t + " skipped a larger logit");
                }
            }
            assertEquals(1 / (1 + Math.exp(b - a)), r.gates().value().data()[chosen[0] * TOKENS + t], 1e-6);
        }
    }

    @Test
    void topKGatesGradient() {
        Rng rng = new Rng(2);
        Var z = separatedLogits(rng);
        for (int k = 1; k <= EXPERTS; k++) {
            int top = k;
            GradCheck.ofProjected(t -> MoeOps.topKGates(t, z, top).gates(), rng, z).assertPasses();
        }
    }

    @Test
    void gatherAndCombineGradients() {
        Rng rng = new Rng(3);
        Var x = leaf(rng, 3, TOKENS);
        int[] columns = {0, 2, 3, 6};
        GradCheck.ofProjected(t -> MoeOps.gatherColumns(t, x, columns), rng, x).assertPasses();
        Var z = separatedLogits(rng);
        Routing routing = MoeOps.topKGates(new Tape(), z, 2).routing();
        Var gates = leaf(rng, EXPERTS, TOKENS);
        Var[] outputs = new Var[EXPERTS];
        for (int e = 0; e < EXPERTS; e++) {
            outputs[e] = leaf(rng, 3, routing.tokens(e).length);
        }
        GradCheck.ofProjected(t -> MoeOps.combine(t, passes(routing, outputs), gates, TOKENS), rng, gates)
                .assertPasses();
        for (int e = 0; e < EXPERTS; e++) {
            if (outputs[e].value().cols() > 0) {
                GradCheck.ofProjected(t -> MoeOps.combine(t, passes(routing, outputs), gates, TOKENS), rng, outputs[e])
                        .assertPasses();
            }
        }
    }

    private static List<ExpertPass> passes(Routing routing, Var[] outputs) {
        return IntStream.range(0, outputs.length).filter(e -> outputs[e].value().cols() > 0)
                .mapToObj(e -> new ExpertPass(e, routing.tokens(e), outputs[e], outputs[e])).toList();
    }

    @Test
    void combineSumsEachTokensGatedExpertOutputs() {
        Rng rng = new Rng(4);
        Var z = separatedLogits(rng);
        MoeOps.Routed r = MoeOps.topKGates(new Tape(), z, 2);
        Var[] outputs = new Var[EXPERTS];
        for (int e = 0; e < EXPERTS; e++) {
            outputs[e] = leaf(rng, 2, r.routing().tokens(e).length);
        }
        float[] y = MoeOps.combine(new Tape(), passes(r.routing(), outputs), r.gates(), TOKENS).value().data();
        for (int t = 0; t < TOKENS; t++) {
            for (int i = 0; i < 2; i++) {
                double expected = 0;
                for (int e : r.routing().chosen(t)) {
                    int j = Arrays.binarySearch(r.routing().tokens(e), t);
                    int n = r.routing().tokens(e).length;
                    expected += r.gates().value().data()[e * TOKENS + t] * outputs[e].value().data()[i * n + j];
                }
                assertEquals(expected, y[i * TOKENS + t], 1e-6);
            }
        }
    }

    @Test
    void balanceLossIsOneWhenEvenEWhenOneExpertTakesAllAndItsGradientChecks() {
        Var even = Var.leaf(Tensor.zeros(EXPERTS, 8));           // equal logits: probabilities 1/E
        Routing spread = routingOf(new int[][] {{0}, {1}, {2}, {3}, {0}, {1}, {2}, {3}});
        assertEquals(1.0, MoeOps.balanceLoss(new Tape(), even, spread).item(), 1e-6);
        Tensor peaked = Tensor.zeros(EXPERTS, 8);
        for (int t = 0; t < 8; t++) {
            peaked.data()[t] = 30f;                              // expert 0 takes every probability
        }
        Routing all = routingOf(new int[][] {{0}, {0}, {0}, {0}, {0}, {0}, {0}, {0}});
        assertEquals(EXPERTS, MoeOps.balanceLoss(new Tape(), Var.leaf(peaked), all).item(), 1e-5);
        Rng rng = new Rng(5);
        Var z = separatedLogits(rng);
        Routing routing = MoeOps.topKGates(new Tape(), z, 2).routing();
        GradCheck.ofTape(t -> MoeOps.balanceLoss(t, z, routing), z).assertPasses();
    }

    private static Routing routingOf(int[][] chosen) {
        float[][] weights = new float[chosen.length][1];
        for (float[] w : weights) {
            w[0] = 1f;
        }
        return new Routing(EXPERTS, 1, chosen, weights);
    }

    @Test
    void meanSquaredErrorValueAndGradient() {
        Rng rng = new Rng(6);
        Var y = leaf(rng, 3, 4);
        float[] target = leaf(rng, 3, 4).value().data();
        double direct = 0;
        for (int i = 0; i < 12; i++) {
            direct += Math.pow(y.value().data()[i] - target[i], 2) / 12;
        }
        assertEquals(direct, MoeOps.meanSquaredError(new Tape(), y, target).item(), 1e-6);
        GradCheck.ofTape(t -> MoeOps.meanSquaredError(t, y, target), y).assertPasses();
        GradCheck.ofTape(t -> Ops.mul(t, MoeOps.meanSquaredError(t, y, target),
                Var.constant(Tensor.zeros().fill(3f))), y).assertPasses();
    }
}

package rewire.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.run.RunSpec;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.Trainer;

/** The dormant-neuron ratio, the weight norm and the effective rank on cases worked by hand, and in a run. */
class PlasticityTest {

    @Test
    void aUnitIsDormantWhenItsMeanActivityIsAtMostTauOfTheLayersMean() {
        // units' E|h|: 1, 3, 0.05, 0 over two batches of two columns; layer mean 1.0125
        Tensor a = Tensor.of(new float[] {1, -1, 2, 4, 0.1f, 0, 0, 0}, 4, 2);
        Tensor b = Tensor.of(new float[] {1, 1, 3, 3, 0, 0.1f, 0, 0}, 4, 2);
        double[] activity = Plasticity.meanAbsolute(List.of(a, b));
        assertArrayEquals(new double[] {1, 3, 0.05, 0}, activity, 1e-7);
        assertEquals(1, Plasticity.dormant(activity, 0.0), "τ = 0: only the silent unit");
        assertEquals(2, Plasticity.dormant(activity, 0.05), "0.05 / 1.0125 <= 0.05");
        assertEquals(3, Plasticity.dormant(new double[] {0, 0, 0}, 0.025), "a silent layer is all dormant");
    }

    @Test
    void theEffectiveRankCountsSingularValuesUpToOneMinusDelta() {
        // diag(10, 1, 0.01): σ sums to 11.01; 10/11.01 = 0.908, 11/11.01 = 0.99909
        Tensor features = Tensor.of(new float[] {10, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0.01f, 0}, 3, 4);
        assertEquals(2, Plasticity.effectiveRank(features, 0.01));
        assertEquals(1, Plasticity.effectiveRank(features, 0.1));
        assertEquals(3, Plasticity.effectiveRank(features, 0));
        Rng rng = new Rng(4);
        Tensor rankTwo = Tensor.zeros(6, 20);   // outer products of two random vectors
        for (int k = 0; k < 2; k++) {
            float[] u = new float[6];
            float[] v = new float[20];
            for (int i = 0; i < 6; i++) {
                u[i] = (float) rng.nextGaussian();
            }
            for (int j = 0; j < 20; j++) {
                v[j] = (float) rng.nextGaussian();
            }
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 20; j++) {
                    rankTwo.data()[i * 20 + j] += u[i] * v[j];
                }
            }
        }
        assertEquals(2, Plasticity.effectiveRank(rankTwo, 1e-4));
        assertEquals(0, Plasticity.effectiveRank(Tensor.zeros(3, 3), 0.01));
    }

    @Test
    void theWeightNormIsTheEuclideanNormOfEveryParameter() {
        List<Param> params = List.of(new DenseParam("a", Tensor.of(new float[] {3, 0}, 2)),
                new DenseParam("b", Tensor.of(new float[] {4}, 1)));
        assertEquals(5, Plasticity.weightNorm(params), 1e-12);
    }

    @Test
    void aRunLogsEveryModulesDiagnostics() {
        RunSpec spec = SmallRuns.spec();
        Trainer.fit(spec.workload(), spec.totalSteps(), spec.seed());
        Map<String, Double> status = spec.workload().status();
        for (String key : List.of("dormantEncoder", "dormantCritic", "dormantActor", "featureRank", "weightNormEncoder",
                "weightNormCritic", "weightNormActor", "densityEncoder", "densityCritic", "densityActor", "alpha")) {
            assertTrue(status.containsKey(key) && Double.isFinite(status.get(key)), key + " in " + status);
        }
        assertTrue(status.get("dormantCritic") >= 0 && status.get("dormantCritic") <= 1);
        assertTrue(status.get("featureRank") >= 1 && status.get("featureRank") <= 8, "at most the latent size");
    }
}

package rewire.models.rl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import rewire.autodiff.Tape;
import rewire.nn.Param;
import rewire.tensor.Tensor;

/**
 * Plasticity diagnostics of an agent, measured on a batch of replayed transitions and written to
 * the training log:
 * <ul>
 *   <li>the dormant-neuron ratio of each module (Sokar, Agarwal, Castro and Evci, "The Dormant
 *       Neuron Phenomenon in Deep Reinforcement Learning", ICML 2023): hidden unit {@code i} of a
 *       layer is τ-dormant when {@code E|h_i| / mean_k E|h_k| <= τ}, expectations over the batch;
 *       the ratio is over every hidden unit of the module;</li>
 *   <li>the weight norm of each module, {@code sqrt(Σ w²)} over all its parameters;</li>
 *   <li>the effective rank of the encoder's latent states (Kumar, Agarwal, Ghosh and Levine,
 *       "Implicit Under-Parameterization Inhibits Data-Efficient Deep Reinforcement Learning",
 *       ICLR 2021): {@code srank_δ = min{k : Σ_{i<=k} σ_i / Σ_i σ_i >= 1 - δ}} over the singular
 *       values of the batch's {@code (latent, B)} matrix (EJML's SVD).</li>
 * </ul>
 * Keys: {@code dormantEncoder}, {@code dormantCritic}, {@code dormantActor}, {@code featureRank},
 * {@code weightNormEncoder}, ... (camelCase, as the training log wants).
 */
final class Plasticity {
    private final DiagnosticsSettings settings;

    Plasticity(DiagnosticsSettings settings) {
        this.settings = settings;
    }

    /** Measures {@code learner} on {@code batch}, forward passes only, on {@code tape} (cleared before and after). */
    Map<String, Double> measure(Learner learner, ReplayBuffer.Batch batch, Tape tape) {
        tape.clear();
        for (Role role : Role.values()) {
            AgentModule module = learner.module(role);
            if (module != null) {
                module.networks().forEach(n -> n.taps().forEach(NeuronTap::arm));
            }
        }
        Tensor latents = learner.probe(tape, batch);
        Map<String, Double> out = new LinkedHashMap<>();
        Map<String, Double> norms = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            AgentModule module = learner.module(role);
            if (module == null) {
                continue;
            }
            String suffix = capitalized(role.group());
            out.put("dormant" + suffix, dormantRatio(module));
            norms.put("weightNorm" + suffix, weightNorm(module.params()));
        }
        out.put("featureRank", (double) effectiveRank(latents, settings.rankThreshold()));
        out.putAll(norms);
        tape.clear();
        return out;
    }

    private double dormantRatio(AgentModule module) {
        long dormant = 0;
        long units = 0;
        for (Mlp network : module.networks()) {
            for (NeuronTap tap : network.taps()) {
                double[] activity = meanAbsolute(tap.disarm());
                units += activity.length;
                dormant += dormant(activity, settings.dormantThreshold());
            }
        }
        return units == 0 ? 0 : (double) dormant / units;
    }

    /** {@code E|h_i|} of every unit over all columns of the recorded outputs {@code (units, B)}. */
    static double[] meanAbsolute(List<Tensor> outputs) {
        if (outputs.isEmpty()) {
            return new double[0];
        }
        double[] sum = new double[outputs.get(0).rows()];
        long columns = 0;
        for (Tensor t : outputs) {
            int n = t.cols();
            for (int r = 0; r < t.rows(); r++) {
                for (int c = 0; c < n; c++) {
                    sum[r] += Math.abs(t.data()[r * n + c]);
                }
            }
            columns += n;
        }
        for (int r = 0; r < sum.length; r++) {
            sum[r] /= columns;
        }
        return sum;
    }

    /** How many units have {@code activity_i / mean(activity) <= tau}; every unit when the layer is silent. */
    static int dormant(double[] activity, double tau) {
        double mean = 0;
        for (double a : activity) {
            mean += a / activity.length;
        }
        int count = 0;
        for (double a : activity) {
            if (mean == 0 || a / mean <= tau) {
                count++;
            }
        }
        return count;
    }

    static double weightNorm(List<Param> params) {
        double sum = 0;
        for (Param p : params) {
            for (float v : p.values()) {
                sum += (double) v * v;
            }
        }
        return Math.sqrt(sum);
    }

    /** {@code srank_δ} of the matrix {@code features (rows, cols)}; 0 for an all-zero matrix. */
    static int effectiveRank(Tensor features, double delta) {
        DMatrixRMaj m = new DMatrixRMaj(features.rows(), features.cols());
        for (int i = 0; i < features.size(); i++) {
            m.data[i] = features.data()[i];
        }
        double[] sigma = SingularOps_DDRM.singularValues(m);
        java.util.Arrays.sort(sigma);
        double total = 0;
        for (double s : sigma) {
            total += s;
        }
        if (total == 0) {
            return 0;
        }
        double kept = 0;
        for (int k = 1; k <= sigma.length; k++) {
            kept += sigma[sigma.length - k];
            if (kept / total >= 1 - delta) {
                return k;
            }
        }
        return sigma.length;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

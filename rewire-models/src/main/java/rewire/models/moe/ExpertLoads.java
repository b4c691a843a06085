package rewire.models.moe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.tensor.Tensor;

/**
 * Expert utilisation over forward passes of a model's mixtures: how many token slots each expert
 * of each block served. Its numbers are the ones a run logs: the busiest expert's load relative
 * to an even split ({@code E · max_e share}, 1 when balanced, E when one expert takes every slot),
 * and each expert's share averaged over the blocks.
 *
 * <p>Call order: {@link #add} after each forward pass, then read.
 */
public final class ExpertLoads {
    private final List<MixtureOfExperts> mixtures;
    private final long[][] served;
    private long slots;

    public ExpertLoads(List<MixtureOfExperts> mixtures) {
        this.mixtures = List.copyOf(mixtures);
        this.served = new long[mixtures.size()][];
        for (int b = 0; b < mixtures.size(); b++) {
            served[b] = new long[mixtures.get(b).experts()];
        }
    }

    /** Counts the routing of every mixture's last forward pass. */
    public void add() {
        for (int b = 0; b < mixtures.size(); b++) {
            Routing r = mixtures.get(b).routing();
            for (int e = 0; e < served[b].length; e++) {
                served[b][e] += r.tokens(e).length;
            }
            if (b == 0) {
                slots += (long) r.k() * r.tokenCount();
            }
        }
    }

    /** The busiest expert's share of its block's slots times the experts, the largest over blocks; NaN before any pass. */
    public double busiest() {
        double worst = Double.NaN;
        for (long[] block : served) {
            for (long count : block) {
                double load = (double) count * block.length / slots;
                worst = Double.isNaN(worst) ? load : Math.max(worst, load);
            }
        }
        return worst;
    }

    /** Each expert's share of the slots, averaged over the blocks, keyed {@code expertShare<e>}. */
    public Map<String, Double> shares() {
        Map<String, Double> out = new LinkedHashMap<>();
        int experts = served.length == 0 ? 0 : served[0].length;
        for (int e = 0; e < experts; e++) {
            double sum = 0;
            for (long[] block : served) {
                sum += (double) block[e] / slots;
            }
            out.put("expertShare" + e, sum / served.length);
        }
        return out;
    }

    /**
     * {@code weight} times the mean over the mixtures of their last forward pass's load-balancing
     * loss, on {@code tape}: the term a training loss adds (a scalar).
     */
    public static Var balanceTerm(Tape tape, List<MixtureOfExperts> mixtures, double weight) {
        Var sum = mixtures.get(0).balanceLoss();
        for (int b = 1; b < mixtures.size(); b++) {
            sum = Ops.add(tape, sum, mixtures.get(b).balanceLoss());
        }
        return Ops.mul(tape, sum, Var.constant(Tensor.zeros().fill((float) (weight / mixtures.size()))));
    }
}

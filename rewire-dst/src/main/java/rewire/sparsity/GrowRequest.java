package rewire.sparsity;

import rewire.kernel.Kernels;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * One layer's growth problem: choose up to {@code quota[g]} positions per group of the
 * {@code constraint} outside {@code exclude} (which contains {@code kept}: the kept pattern, or
 * the whole old pattern when a criterion may not regrow just-pruned positions).
 *
 * @param layer      the layer (parameter, batch, momentum)
 * @param kept       the pattern after pruning
 * @param exclude    positions growth may not pick; contains {@code kept}
 * @param target     the connection count after growth
 * @param quota      positions to add per group of the constraint
 * @param constraint the layer's structure
 * @param rng        randomness for this layer at this update
 * @param kernels    dense products for gradient scores
 * @param tileFloats the largest score tile to hold at once
 */
public record GrowRequest(LayerView layer, SparsityPattern kept, SparsityPattern exclude, int target, int[] quota,
                          Constraint constraint, Rng rng, Kernels kernels, int tileFloats) {

    public GrowRequest {
        quota = quota.clone();
    }

    /** A request whose quota brings {@code kept} to {@code target}. */
    public static GrowRequest of(LayerView layer, SparsityPattern kept, SparsityPattern exclude, int target,
                                 Constraint constraint, Rng rng, Kernels kernels, int tileFloats) {
        return new GrowRequest(layer, kept, exclude, target, constraint.growQuota(kept, target), constraint, rng,
                kernels, tileFloats);
    }

    @Override
    public int[] quota() {
        return quota.clone();
    }

    /** Total positions asked for. */
    public int count() {
        int sum = 0;
        for (int q : quota) {
            sum += q;
        }
        return sum;
    }

    /** The same request with another quota. */
    public GrowRequest withQuota(int[] newQuota) {
        return new GrowRequest(layer, kept, exclude, target, newQuota, constraint, rng, kernels, tileFloats);
    }

    /** The same request drawing from another generator. */
    public GrowRequest withRng(Rng newRng) {
        return new GrowRequest(layer, kept, exclude, target, quota, constraint, newRng, kernels, tileFloats);
    }

    /** The request that remains once {@code grown} is added: both patterns gain it, the quota shrinks. */
    public GrowRequest after(Selection grown, Rng nextRng) {
        SparsityPattern k = grown.addedTo(kept);
        SparsityPattern x = grown.addedTo(exclude);
        return new GrowRequest(layer, k, x, target, constraint.growQuota(k, target), constraint, nextRng, kernels,
                tileFloats);
    }
}

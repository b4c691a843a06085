package rewire.sparsity.ch;

import java.util.Arrays;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * The bipartite receptive field (BRF) initial topology of CHTs (Zhang et al., NeurIPS 2025,
 * arXiv 2501.19107; METHODS E.6, checked against {@code sparse_topology_initialization.py} of
 * the reference). Each neuron of the smaller side of the layer links to neurons of the larger
 * side placed on a ring around its own position, nearer ones more likely: with randomness
 * {@code r = 0} it takes exactly its nearest ones, with {@code r = 1} uniformly random ones, and in
 * between it draws without replacement with weight {@code (1 + d)^(-(1 - r) / r)} for ring
 * distance {@code d}.
 *
 * <p>With {@code small = min(rows, cols)} and {@code large = max(rows, cols)}: the layer gets
 * {@code round(density · large · small)} links; neuron {@code i} of the small side is centred at
 * {@code (i · max(1, large / small)) mod large} (integer division) and has a degree drawn by
 * {@link Degrees}. At {@code r = 0} ties in distance go to the lower index (the reference leaves
 * them to {@code argpartition}). Time {@code O(small · large)} when {@code r > 0}, for the
 * per-neuron weights; memory {@code O(large + nnz)}.
 */
public final class BipartiteReceptiveField {
    /** The README example's randomness. */
    public static final double EXAMPLE_RANDOMNESS = 0.3;

    private BipartiteReceptiveField() {
    }

    /** How link counts are spread over the neurons of the smaller side. */
    public enum Degrees {
        /**
         * Every neuron gets one link, and each remaining link goes to a uniformly random neuron
         * (the reference's {@code degree_dist uniform}, used by its scripts).
         */
        UNIFORM,
        /** Every neuron gets {@code floor} or {@code ceil} of the mean, shuffled (the reference's default). */
        BALANCED
    }

    /**
     * A BRF pattern for a {@code rows x cols} weight (outputs x inputs).
     *
     * @param density fraction of positions linked, in [0, 1]
     * @param randomness {@code r} in [0, 1]: 0 purely local, 1 uniformly random
     * @throws IllegalArgumentException on arguments out of range, or with {@link Degrees#UNIFORM}
     *     when there are fewer links than neurons on the smaller side
     */
    public static SparsityPattern pattern(int rows, int cols, double density, double randomness, Degrees degrees,
                                          Rng rng) {
        if (rows < 0 || cols < 0 || !(density >= 0 && density <= 1) || !(randomness >= 0 && randomness <= 1)) {
            throw new IllegalArgumentException("BRF needs a non-negative shape and density and randomness in [0, 1],"
                    + " got " + rows + " x " + cols + ", density " + density + ", randomness " + randomness);
        }
        int small = Math.min(rows, cols);
        int large = Math.max(rows, cols);
        double meanDegree = density * large;
        long total = Math.round(meanDegree * small);
        if (total == 0) {
            return Patterns.empty(rows, cols);
        }
        int[] degree = degrees == Degrees.UNIFORM ? uniformDegrees(small, total, rng)
                : balancedDegrees(small, meanDegree, rng);
        long links = 0;
        for (int i = 0; i < small; i++) {
            degree[i] = Math.min(degree[i], large); // no more links than neurons on the other side
            links += degree[i];
        }
        int stride = Math.max(1, large / small);
        long[] positions = new long[Math.toIntExact(links)];
        int n = 0;
        double[] logWeights = new double[large];
        for (int i = 0; i < small; i++) {
            int center = (int) ((long) i * stride % large);
            int[] linked = randomness == 0 ? nearest(center, degree[i], large)
                    : drawNear(center, degree[i], large, (1 - randomness) / randomness, logWeights, rng);
            for (int c : linked) {
                positions[n++] = rows <= cols ? (long) i * cols + c : (long) c * cols + i;
            }
        }
        Arrays.sort(positions);
        return Patterns.fromSortedPositions(rows, cols, positions);
    }

    /** {@link #pattern} with the scripts' {@link Degrees#UNIFORM} degrees. */
    public static SparsityPattern pattern(int rows, int cols, double density, double randomness, Rng rng) {
        return pattern(rows, cols, density, randomness, Degrees.UNIFORM, rng);
    }

    private static int[] uniformDegrees(int small, long total, Rng rng) {
        if (total < small) {
            throw new IllegalArgumentException("BRF with uniform degrees needs at least one link per neuron: " + total
                    + " links for " + small + " neurons");
        }
        int[] degree = new int[small];
        Arrays.fill(degree, 1);
        for (long extra = total - small; extra > 0; extra--) {
            degree[rng.nextInt(small)]++;
        }
        return degree;
    }

    private static int[] balancedDegrees(int small, double meanDegree, Rng rng) {
        int base = (int) Math.floor(meanDegree);
        int plusOne = (int) Math.clamp(Math.round((meanDegree - base) * small), 0, small);
        int[] degree = new int[small];
        for (int i = 0; i < small; i++) {
            degree[i] = i < plusOne ? base + 1 : base;
        }
        for (int i = small - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            int t = degree[i];
            degree[i] = degree[j];
            degree[j] = t;
        }
        return degree;
    }

    /** The {@code count} positions nearest to {@code center} on a ring of {@code size}, ties to the lower index. */
    static int[] nearest(int center, int count, int size) {
        int[] out = new int[count];
        int n = 0;
        for (int d = 0; n < count; d++) {
            int below = Math.floorMod(center - d, size);
            int above = Math.floorMod(center + d, size);
            out[n++] = Math.min(below, above);
            if (below != above && n < count) {
                out[n++] = Math.max(below, above);
            }
        }
        return out;
    }

    private static int[] drawNear(int center, int count, int size, double alpha, double[] logWeights, Rng rng) {
        for (int c = 0; c < size; c++) {
            int d = Math.abs(c - center);
            logWeights[c] = -alpha * Math.log1p(Math.min(d, size - d));
        }
        return WeightedSampling.sample(logWeights, count, rng);
    }
}

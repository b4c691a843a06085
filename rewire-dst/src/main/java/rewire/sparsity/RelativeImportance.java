package rewire.sparsity;

import rewire.sparse.CsrMatrix;

/**
 * The relative importance (RI) removal score of CHT (Zhang et al., NeurIPS 2025,
 * arXiv 2501.19107; METHODS E.2): a link counts for the share of its neuron's total weight it
 * carries, on both of its ends,
 * <pre>
 * RI[i,k] = |w_ik| / (Σ_r |w_rk| + 1e-5)  +  |w_ik| / (Σ_c |w_ic| + 1e-5)
 * </pre>
 * where the first sum runs over the links into input {@code k}'s column and the second over
 * output {@code i}'s row. Only existing links carry weight, so O(nnz).
 */
public final class RelativeImportance {
    /** Added to each neuron's total, as in the reference. */
    public static final double EPSILON = 1e-5;

    private RelativeImportance() {
    }

    /** One RI score per entry of {@code weight}, in entry order. */
    public static float[] scores(CsrMatrix weight) {
        int[] ptr = weight.pattern().rowPtr();
        int[] idx = weight.pattern().colIdx();
        float[] v = weight.values();
        double[] columnTotal = new double[weight.cols()];
        for (int e = 0; e < v.length; e++) {
            columnTotal[idx[e]] += Math.abs(v[e]);
        }
        float[] out = new float[v.length];
        for (int r = 0; r < weight.rows(); r++) {
            double rowTotal = 0;
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                rowTotal += Math.abs(v[e]);
            }
            for (int e = ptr[r]; e < ptr[r + 1]; e++) {
                double a = Math.abs(v[e]);
                out[e] = (float) (a / (columnTotal[idx[e]] + EPSILON) + a / (rowTotal + EPSILON));
            }
        }
        return out;
    }
}

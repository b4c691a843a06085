package rewire.sparsity;

import rewire.nn.SparseParam;
import rewire.sparse.SparsityPattern;

/**
 * CHT's relative importance (Zhang et al., "Epitopological learning and Cannistraci-Hebb network
 * shape intelligence brain-inspired theory for ultra-sparse advantage in deep learning", ICLR
 * 2024; METHODS E.2): {@code RI[i,k] = |w_ik| / (sum_r |w_rk| + 1e-5) + |w_ik| / (sum_c |w_ic| + 1e-5)},
 * a weight's share of its input column plus its share of its output row.
 */
record RelativeImportance() implements PruneCriterion {

    @Override
    public String name() {
        return "relative-importance";
    }

    @Override
    public float[] scores(SparseParam param) {
        SparsityPattern p = param.pattern();
        float[] w = param.values();
        int[] idx = p.colIdx();
        double[] colSum = new double[p.cols()];
        double[] rowSum = new double[p.rows()];
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                colSum[idx[e]] += Math.abs(w[e]);
                rowSum[r] += Math.abs(w[e]);
            }
        }
        float[] out = new float[w.length];
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                double a = Math.abs(w[e]);
                out[e] = (float) (a / (colSum[idx[e]] + 1e-5) + a / (rowSum[r] + 1e-5));
            }
        }
        return out;
    }
}

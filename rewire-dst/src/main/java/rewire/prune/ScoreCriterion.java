package rewire.prune;

import java.util.EnumSet;
import java.util.Set;
import rewire.sparse.CsrMatrix;

/**
 * The pruning methods that score every weight and keep the best, leaving the kept values as they
 * are: one score per entry (higher is more worth keeping) and the group scores compete in
 * ({@link Selection.Group}; N:M always compares within groups of M). Shapes: {@code W (rows, cols)}
 * with rows the outputs, {@code ‖X_j‖} the L2 norm of input j over the calibration tokens.
 */
public enum ScoreCriterion implements PruneMethod {
    /**
     * {@code |W_ij|}, compared across the layer: the magnitude baseline of Wanda and SparseGPT
     * (Zhu and Gupta, "To prune, or not to prune", 2017). Needs no calibration.
     */
    MAGNITUDE("magnitude", "Zhu and Gupta 2017; the layer-wise baseline of Sun et al. 2023", Selection.Group.LAYER,
            EnumSet.noneOf(Statistic.class)),
    /**
     * {@code |W_ij| · ‖X_j‖₂}, compared within each output row (Sun, Liu, Bair and Kolter, "A
     * Simple and Effective Pruning Approach for Large Language Models", ICLR 2024, Eq. 1).
     */
    WANDA("wanda", "Sun et al., ICLR 2024 (Wanda)", Selection.Group.ROW, EnumSet.of(Statistic.SQUARED_NORMS)),
    /**
     * Relative importance and activation, {@code (|W_ij| / Σ_k |W_ik| + |W_ij| / Σ_k |W_kj|) ·
     * ‖X_j‖₂^a} with {@code a = 0.5}, compared across the layer as the authors' code does by default
     * (Zhang et al., "Plug-and-Play: An Efficient Post-training Pruning Method for Large Language
     * Models", ICLR 2024, Eq. 2-3).
     */
    RIA("ria", "Zhang et al., ICLR 2024 (RIA)", Selection.Group.LAYER, EnumSet.of(Statistic.SQUARED_NORMS)),
    /**
     * {@code |W_ij| · ‖X_j · Gate‖₂}: Wanda's score with each calibration token's input scaled by
     * the router's gate of the layer's expert, compared within each output row (Xie et al.,
     * "MoE-Pruner: Pruning Mixture-of-Experts Large Language Model using the Hints from Its
     * Router", 2024, Eq. 9 and Algorithm 1). A layer outside the experts has gate 1 for every
     * token, and the score is Wanda's.
     */
    MOE_PRUNER("moe-pruner", "Xie et al., arXiv 2410.12013 (MoE-Pruner)", Selection.Group.ROW,
            EnumSet.of(Statistic.GATED_SQUARED_NORMS));

    /** RIA's exponent of the activation norm (the paper's and the code's default). */
    public static final double RIA_POWER = 0.5;

    private final String key;
    private final String paper;
    private final Selection.Group group;
    private final EnumSet<Statistic> needs;

    ScoreCriterion(String key, String paper, Selection.Group group, EnumSet<Statistic> needs) {
        this.key = key;
        this.paper = paper;
        this.group = group;
        this.needs = needs;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String paper() {
        return paper;
    }

    @Override
    public Set<Statistic> needs() {
        return EnumSet.copyOf(needs);
    }

    /** Where unstructured scores compete. */
    public Selection.Group group() {
        return group;
    }

    @Override
    public CsrMatrix prune(WeightMatrix w, LayerStatistics stats, SparsityTarget target) {
        return w.gather(Selection.keep(w, scores(w, stats), target, group));
    }

    /** One score per entry of {@code w}, row-major, higher is more worth keeping. */
    public float[] scores(WeightMatrix w, LayerStatistics stats) {
        return switch (this) {
            case MAGNITUDE -> activationWeighted(w, null);
            case WANDA -> activationWeighted(w, stats.columnNorms());
            case MOE_PRUNER -> activationWeighted(w, stats.gatedColumnNorms());
            case RIA -> relativeImportance(w, stats.columnNorms());
        };
    }

    // |W_ij| · norm_j (norms null: |W_ij|)
    private static float[] activationWeighted(WeightMatrix w, double[] norms) {
        float[] v = w.values();
        float[] out = new float[v.length];
        for (int r = 0; r < w.rows(); r++) {
            for (int c = 0; c < w.cols(); c++) {
                double a = norms == null ? 1 : norms[c];
                out[r * w.cols() + c] = (float) (Math.abs(v[r * w.cols() + c]) * a);
            }
        }
        return out;
    }

    // (|W_ij| / Σ_k |W_ik| + |W_ij| / Σ_k |W_kj|) · ‖X_j‖^a; an all-zero row or column adds nothing
    private static float[] relativeImportance(WeightMatrix w, double[] norms) {
        float[] v = w.values();
        int rows = w.rows();
        int cols = w.cols();
        double[] rowSum = new double[rows];
        double[] colSum = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double a = Math.abs(v[r * cols + c]);
                rowSum[r] += a;
                colSum[c] += a;
            }
        }
        float[] out = new float[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double a = Math.abs(v[r * cols + c]);
                double relative = (rowSum[r] > 0 ? a / rowSum[r] : 0) + (colSum[c] > 0 ? a / colSum[c] : 0);
                out[r * cols + c] = (float) (relative * Math.pow(norms[c], RIA_POWER));
            }
        }
        return out;
    }
}

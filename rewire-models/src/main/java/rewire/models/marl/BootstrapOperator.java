package rewire.models.marl;

import rewire.tensor.Tensor;

/**
 * How each agent's next-step value enters the target: the max of the target utilities (QMIX),
 * the target utility of the online network's greedy action (double Q-learning, van Hasselt et al.,
 * "Deep Reinforcement Learning with Double Q-learning", AAAI 2016; pymarl's default), or the soft
 * mellowmax of the target utilities (MAST). Only available actions take part.
 */
public enum BootstrapOperator {
    MAX, DOUBLE_Q, SOFT_MELLOWMAX;

    /**
     * Per-agent values {@code (n, P)} from target utilities {@code (A, P·n)} (column
     * {@code p·n + i}); {@code onlineQ} of the same shape is read by {@link #DOUBLE_Q},
     * {@code sm} by {@link #SOFT_MELLOWMAX}.
     */
    public Tensor values(Tensor targetQ, Tensor onlineQ, EpisodeBatch batch, SoftMellowmax sm) {
        int n = batch.dims().agents();
        int actions = targetQ.rows();
        int width = targetQ.cols();
        int points = width / n;
        Tensor out = Tensor.zeros(n, points);
        double[] column = new double[actions];
        boolean[] allowed = new boolean[actions];
        for (int p = 0; p < points; p++) {
            for (int i = 0; i < n; i++) {
                int col = p * n + i;
                for (int a = 0; a < actions; a++) {
                    column[a] = targetQ.data()[a * width + col];
                    allowed[a] = batch.available(col, a);
                }
                out.data()[i * points + p] = (float) value(column, allowed, onlineQ, col, sm);
            }
        }
        return out;
    }

    private double value(double[] q, boolean[] allowed, Tensor onlineQ, int col, SoftMellowmax sm) {
        return switch (this) {
            case MAX -> q[greedy(q, allowed)];
            case DOUBLE_Q -> q[greedy(column(onlineQ, col), allowed)];
            case SOFT_MELLOWMAX -> sm.of(q, allowed);
        };
    }

    private static double[] column(Tensor q, int col) {
        double[] out = new double[q.rows()];
        for (int a = 0; a < out.length; a++) {
            out[a] = q.data()[a * q.cols() + col];
        }
        return out;
    }

    /** The allowed index with the largest value; ties go to the lower index. */
    static int greedy(double[] q, boolean[] allowed) {
        int best = -1;
        for (int a = 0; a < q.length; a++) {
            if (allowed[a] && (best < 0 || q[a] > q[best])) {
                best = a;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no action is available");
        }
        return best;
    }
}

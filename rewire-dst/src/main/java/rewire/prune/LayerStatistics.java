package rewire.prune;

import java.util.EnumSet;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import rewire.tensor.Tensor;

/**
 * What one layer's calibration inputs tell a pruning method, accumulated over every forward pass
 * of a calibration run: only the {@link Statistic}s asked for, in float64. Inputs arrive
 * feature-major, {@code x (in, T)} with one column per token, as a layer's
 * {@code rewire.nn.InputObserver} sees them; an expert of a mixture-of-experts layer also gives
 * each token's router gate.
 *
 * <p>Call order: {@link #add} any number of times, then read. Not thread-safe.
 */
public final class LayerStatistics {
    private final String layer;
    private final int in;
    private final Set<Statistic> kept;
    private final double[] squares;
    private final double[] gatedSquares;
    private final double[] sums;
    private final double[] plainSquares;
    private final DMatrixRMaj gram;
    private long tokens;

    /** Statistics of {@code layer}'s {@code in} inputs; {@code kept} names what to accumulate. */
    public LayerStatistics(String layer, int in, Set<Statistic> kept) {
        if (in < 1) {
            throw new IllegalArgumentException(layer + ": a layer needs at least one input, got " + in);
        }
        this.layer = layer;
        this.in = in;
        this.kept = kept.isEmpty() ? EnumSet.noneOf(Statistic.class) : EnumSet.copyOf(kept);
        this.squares = kept.contains(Statistic.SQUARED_NORMS) ? new double[in] : null;
        this.gatedSquares = kept.contains(Statistic.GATED_SQUARED_NORMS) ? new double[in] : null;
        boolean moments = kept.contains(Statistic.MEANS_AND_VARIANCES);
        this.sums = moments ? new double[in] : null;
        this.plainSquares = moments ? new double[in] : null;
        this.gram = kept.contains(Statistic.HESSIAN) ? new DMatrixRMaj(in, in) : null;
    }

    /** Adds the tokens of {@code x (in, T)}, each with gate 1. */
    public void add(Tensor x) {
        accumulate(x, null);
    }

    /** Adds the tokens of {@code x (in, T)} routed to this layer's expert, token t with gate {@code gates[t]}. */
    public void add(Tensor x, float[] gates) {
        if (gates == null || gates.length != x.cols()) {
            throw new IllegalArgumentException(layer + ": need one gate per token, got "
                    + (gates == null ? "none" : gates.length) + " for input " + x.shape());
        }
        accumulate(x, gates);
    }

    // gates null: every token has gate 1
    private void accumulate(Tensor x, float[] gates) {
        if (x.rank() != 2 || x.rows() != in) {
            throw new IllegalArgumentException(layer + ": calibration needs inputs (" + in + ", T), got " + x.shape());
        }
        int t = x.cols();
        float[] v = x.data();
        for (int j = 0; j < in; j++) {
            double sq = 0;
            double gsq = 0;
            double sum = 0;
            for (int c = 0; c < t; c++) {
                double value = v[j * t + c];
                double g = gates == null ? 1 : gates[c];
                sq += value * value;
                gsq += value * value * g * g;
                sum += value;
            }
            if (squares != null) {
                squares[j] += sq;
            }
            if (gatedSquares != null) {
                gatedSquares[j] += gsq;
            }
            if (sums != null) {
                sums[j] += sum;
                plainSquares[j] += sq;
            }
        }
        if (gram != null && t > 0) {
            DMatrixRMaj xd = new DMatrixRMaj(in, t);
            for (int i = 0; i < v.length; i++) {
                xd.data[i] = v[i];
            }
            CommonOps_DDRM.multAddTransB(xd, xd, gram);      // Σ x·xᵀ (in, in) += X (in, T) · Xᵀ
        }
        tokens += t;
    }

    public String layer() {
        return layer;
    }

    /** Inputs per token. */
    public int inputs() {
        return in;
    }

    /** Tokens added so far. */
    public long tokens() {
        return tokens;
    }

    /** {@code ‖X_j‖₂ = sqrt(Σ_t x_{j,t}²)} per input j. */
    public double[] columnNorms() {
        return sqrt(require(Statistic.SQUARED_NORMS, squares));
    }

    /** {@code ‖X_j · g‖₂ = sqrt(Σ_t (x_{j,t} g_t)²)} per input j (MoE-Pruner). */
    public double[] gatedColumnNorms() {
        return sqrt(require(Statistic.GATED_SQUARED_NORMS, gatedSquares));
    }

    /** The mean of each input over the tokens. */
    public double[] means() {
        double[] s = require(Statistic.MEANS_AND_VARIANCES, sums);
        double[] out = new double[in];
        for (int j = 0; j < in; j++) {
            out[j] = tokens == 0 ? 0 : s[j] / tokens;
        }
        return out;
    }

    /** The (population) variance of each input over the tokens. */
    public double[] variances() {
        double[] mean = means();
        double[] out = new double[in];
        for (int j = 0; j < in; j++) {
            out[j] = tokens == 0 ? 0 : Math.max(0, plainSquares[j] / tokens - mean[j] * mean[j]);
        }
        return out;
    }

    /** {@code Σ_t x_t·x_tᵀ (in, in)}, a copy. */
    public DMatrixRMaj gram() {
        return require(Statistic.HESSIAN, gram).copy();
    }

    private <T> T require(Statistic s, T value) {
        if (value == null || !kept.contains(s)) {
            throw new IllegalStateException(layer + ": the calibration did not collect " + s + " (it kept " + kept + ")");
        }
        return value;
    }

    private static double[] sqrt(double[] squares) {
        double[] out = new double[squares.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.sqrt(squares[j]);
        }
        return out;
    }
}

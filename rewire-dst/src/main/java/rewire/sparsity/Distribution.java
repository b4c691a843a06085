package rewire.sparsity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a global density is split into per-layer connection counts (Evci et al., ICML 2020,
 * "Rigging the Lottery", section 3 and the {@code get_sparsities_erdos_renyi} solve):
 * <ul>
 *   <li>{@link Rule#UNIFORM}: every layer at the global density;</li>
 *   <li>{@link Rule#ERDOS_RENYI}: density proportional to {@code (rows + cols) / (rows * cols)}
 *       (Mocanu et al. 2018, SET);</li>
 *   <li>{@link Rule#ERDOS_RENYI_KERNEL}: proportional to {@code sum(dims) / prod(dims)} over the
 *       full kernel shape; equal to ER for linear layers.</li>
 * </ul>
 * A layer whose share would exceed density 1 becomes dense and the others rescale (the dense-layer
 * fallback). Layers with a fixed density ({@link #withDensity}, {@link #denseFirst},
 * {@link #denseLast}) are left out of the solve, as in RigL's custom sparsity map: the global
 * density applies to the other layers, whose total is exactly {@code round(density * their size)}
 * connections, split by largest remainder. The reported true density of the whole model therefore
 * includes the fixed layers.
 *
 * @param rule       the allocation rule
 * @param powerScale exponent applied to the raw ER/ERK score ({@code erk_power_scale}, default 1)
 * @param fixed      per-layer densities by parameter name, kept out of the solve
 * @param firstDense keep the first layer dense
 * @param lastDense  keep the last layer dense
 */
public record Distribution(Rule rule, double powerScale, Map<String, Double> fixed, boolean firstDense,
                           boolean lastDense) {

    /** The allocation rules. */
    public enum Rule { UNIFORM, ERDOS_RENYI, ERDOS_RENYI_KERNEL }

    public Distribution {
        if (rule == null) {
            throw new IllegalArgumentException("distribution rule must not be null");
        }
        if (!(powerScale >= 0) || Double.isInfinite(powerScale)) {
            throw new IllegalArgumentException("ERK power scale must be finite and non-negative, got " + powerScale);
        }
        fixed = Map.copyOf(fixed);
        fixed.forEach((name, d) -> requireDensity(d, "fixed density of " + name));
    }

    public static Distribution uniform() {
        return new Distribution(Rule.UNIFORM, 1, Map.of(), false, false);
    }

    public static Distribution erdosRenyi() {
        return new Distribution(Rule.ERDOS_RENYI, 1, Map.of(), false, false);
    }

    public static Distribution erdosRenyiKernel() {
        return new Distribution(Rule.ERDOS_RENYI_KERNEL, 1, Map.of(), false, false);
    }

    /** ERK with the raw scores raised to {@code powerScale}. */
    public Distribution withPowerScale(double power) {
        return new Distribution(rule, power, fixed, firstDense, lastDense);
    }

    /** This distribution with layer {@code name} held at {@code density}. */
    public Distribution withDensity(String name, double density) {
        Map<String, Double> more = new TreeMap<>(fixed);
        more.put(name, density);
        return new Distribution(rule, powerScale, more, firstDense, lastDense);
    }

    public Distribution denseFirst() {
        return new Distribution(rule, powerScale, fixed, true, lastDense);
    }

    public Distribution denseLast() {
        return new Distribution(rule, powerScale, fixed, firstDense, true);
    }

    /**
     * Connections per layer at global {@code density}.
     *
     * @throws IllegalArgumentException if the density is outside [0, 1], a layer name repeats, or
     *     a fixed density names no layer
     */
    public int[] nnz(List<LayerShape> layers, double density) {
        requireDensity(density, "global density");
        checkNames(layers);
        int n = layers.size();
        int[] out = new int[n];
        double[] weights = new double[n];
        long[] caps = new long[n];
        long freeSize = 0;
        for (int i = 0; i < n; i++) {
            LayerShape layer = layers.get(i);
            Double d = fixedDensity(i, n, layer.name());
            if (d != null) {
                out[i] = (int) Math.round(d * layer.size());
            } else {
                weights[i] = rawScore(layer) * layer.size();
                caps[i] = layer.size();
                freeSize += layer.size();
            }
        }
        long[] free = Apportion.proportional(weights, Math.round(density * freeSize), caps);
        for (int i = 0; i < n; i++) {
            if (caps[i] > 0) {
                out[i] = (int) free[i];
            }
        }
        return out;
    }

    /** Densities per layer at global {@code density} (the integer counts divided by layer sizes). */
    public double[] densities(List<LayerShape> layers, double density) {
        int[] counts = nnz(layers, density);
        double[] out = new double[counts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) counts[i] / layers.get(i).size();
        }
        return out;
    }

    private Double fixedDensity(int index, int count, String name) {
        if (fixed.containsKey(name)) {
            return fixed.get(name);
        }
        if ((firstDense && index == 0) || (lastDense && index == count - 1)) {
            return 1.0;
        }
        return null;
    }

    private double rawScore(LayerShape layer) {
        double score = switch (rule) {
            case UNIFORM -> 1.0;
            case ERDOS_RENYI -> (double) (layer.rows() + layer.cols()) / ((double) layer.rows() * layer.cols());
            case ERDOS_RENYI_KERNEL -> (double) layer.dimSum() / layer.size();
        };
        return rule == Rule.UNIFORM ? score : Math.pow(score, powerScale);
    }

    private void checkNames(List<LayerShape> layers) {
        Set<String> names = new HashSet<>();
        for (LayerShape layer : layers) {
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("layer name " + layer.name() + " appears twice");
            }
        }
        for (String name : fixed.keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("fixed density for " + name + " names no layer; layers are " + names);
            }
        }
    }

    public static void requireDensity(double d, String what) {
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + d);
        }
    }
}

package rewire.bench.peer;

import java.util.List;
import java.util.Locale;

/**
 * One scale run, as one CSV line prefixed by {@link #PREFIX}.
 *
 * @param recipe          static, set or rigl
 * @param hidden          width of each of the three hidden layers
 * @param nnz             connections of all layers
 * @param density         nnz over all positions
 * @param steps           training steps timed (after the warm-up steps)
 * @param stepSeconds     mean seconds of the timed steps that did not rewire
 * @param updates         timed steps that rewired
 * @param updateSeconds   mean seconds of those steps, rewiring included (NaN when none was timed)
 * @param updatesPerEpoch update steps in one epoch of the recipe
 * @param stepsPerEpoch   steps of one Fashion-MNIST epoch at batch 128
 * @param peakRssMiB      peak resident set size, MiB
 * @param heap            the JVM's -Xmx, as given
 */
record ScaleResult(String recipe, int hidden, long nnz, double density, int steps, double stepSeconds, int updates,
                   double updateSeconds, int updatesPerEpoch, long stepsPerEpoch, double peakRssMiB, String heap) {
    static final String PREFIX = "SCALE_RESULT,";
    static final String HEADER = "recipe,hidden,nnz,density,steps,step_seconds,updates,update_seconds,"
            + "updates_per_epoch,steps_per_epoch,peak_rss_mib,heap";
    private static final int FIELDS = 12;

    /**
     * Seconds of one epoch: its plain steps at the measured mean, its update steps at theirs; NaN
     * when the recipe updates but no update step was timed.
     */
    double epochSeconds() {
        double plain = stepSeconds * (stepsPerEpoch - updatesPerEpoch);
        return updatesPerEpoch == 0 ? plain : plain + updateSeconds * updatesPerEpoch;
    }

    /** Whether {@link #epochSeconds} is extrapolated from fewer steps than an epoch has. */
    boolean extrapolated() {
        return steps < stepsPerEpoch;
    }

    String toCsv() {
        return String.format(Locale.ROOT, "%s,%d,%d,%s,%d,%s,%d,%s,%d,%d,%s,%s", recipe, hidden, nnz, density, steps,
                stepSeconds, updates, updateSeconds, updatesPerEpoch, stepsPerEpoch, peakRssMiB, heap);
    }

    static ScaleResult parse(String line) {
        String[] f = (line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line).strip().split(",", -1);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("a scale result has " + FIELDS + " fields (" + HEADER + "), got "
                    + f.length + ": '" + line + "'");
        }
        return new ScaleResult(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]),
                Integer.parseInt(f[4]), Double.parseDouble(f[5]), Integer.parseInt(f[6]), Double.parseDouble(f[7]),
                Integer.parseInt(f[8]), Long.parseLong(f[9]), Double.parseDouble(f[10]), f[11]);
    }

    static List<ScaleResult> parseAll(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("recipe,")).map(ScaleResult::parse).toList();
    }
}

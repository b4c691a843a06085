package rewire.bench.peer;

import java.util.List;
import java.util.Locale;

/**
 * One scale run, as one CSV line prefixed by {@link #PREFIX}.
 *
 * @param hidden        width of each of the three hidden layers
 * @param nnz           connections of all layers
 * @param density       nnz over all positions
 * @param steps         training steps timed (after the warm-up steps)
 * @param stepSeconds   median seconds per timed step
 * @param stepsPerEpoch steps of one Fashion-MNIST epoch at batch 128
 * @param peakRssMiB    peak resident set size, MiB
 * @param heap          the JVM's -Xmx, as given
 */
record ScaleResult(int hidden, long nnz, double density, int steps, double stepSeconds, long stepsPerEpoch,
                   double peakRssMiB, String heap) {
    static final String PREFIX = "SCALE_RESULT,";
    static final String HEADER = "hidden,nnz,density,steps,step_seconds,steps_per_epoch,peak_rss_mib,heap";

    String toCsv() {
        return String.format(Locale.ROOT, "%d,%d,%s,%d,%s,%d,%s,%s", hidden, nnz, density, steps, stepSeconds,
                stepsPerEpoch, peakRssMiB, heap);
    }

    static ScaleResult parse(String line) {
        String[] f = (line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line).strip().split(",", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("a scale result has 8 fields (" + HEADER + "), got " + f.length + ": '"
                    + line + "'");
        }
        return new ScaleResult(Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                Integer.parseInt(f[3]), Double.parseDouble(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6]), f[7]);
    }

    static List<ScaleResult> parseAll(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("hidden,")).map(ScaleResult::parse).toList();
    }
}

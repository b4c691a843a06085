package rewire.bench.peer;

import java.util.Arrays;
import java.util.List;

/**
 * One measured configuration of the peer benchmark, as one CSV line; Rewire ({@link PeerRun}) and
 * PyTorch ({@code bench/peer/torch_mlp.py}) print the same columns, prefixed by {@link #PREFIX}.
 *
 * @param side           rewire or torch
 * @param method         dense, or rigl (Rewire: CSR weights; PyTorch: masks on dense weights)
 * @param density        the requested overall weight density (1 for dense)
 * @param actualDensity  nonzero weights over all weights at the end of training
 * @param threads        CPU threads the run used
 * @param setting        how the threads were set, such as "2 (OpenBLAS 1)"
 * @param epochSeconds   median seconds of the timed epochs (after the warm-up epochs)
 * @param samplesPerSecond training examples per second over the timed epochs
 * @param peakRssMiB     peak resident set size of the process (VmHWM / ru_maxrss), MiB
 * @param flops          training FLOPs executed over all epochs (for masked training the dense products)
 * @param nominalFlops   training FLOPs the sparse model needs (RigL's accounting); equals flops for Rewire
 * @param accuracy       test accuracy after all epochs, in [0, 1]
 * @param epochs         epochs trained (warm-up plus timed)
 */
public record PeerResult(String side, String method, double density, double actualDensity, int threads,
                         String setting, double epochSeconds, double samplesPerSecond, double peakRssMiB, double flops,
                         double nominalFlops, double accuracy, int epochs) {
    /** Marks a result line in a process's output. */
    public static final String PREFIX = "PEER_RESULT,";
    /** The CSV header, in the order of the record's components. */
    public static final String HEADER = "side,method,density,actual_density,threads,setting,epoch_seconds,"
            + "samples_per_second,peak_rss_mib,flops,nominal_flops,accuracy,epochs";
    private static final List<String> SIDES = List.of("rewire", "torch");
    private static final List<String> METHODS = List.of("dense", "rigl");

    public PeerResult {
        if (!SIDES.contains(side) || !METHODS.contains(method)) {
            throw new IllegalArgumentException("side must be one of " + SIDES + " and method one of " + METHODS
                    + ", got '" + side + "' and '" + method + "'");
        }
        if (!(density > 0 && density <= 1) || threads < 1 || epochs < 1 || setting.contains(",")) {
            throw new IllegalArgumentException("need density in (0, 1], threads >= 1, epochs >= 1 and a setting "
                    + "without commas; got " + density + ", " + threads + ", " + epochs + ", '" + setting + "'");
        }
    }

    /** The key that pairs runs across sides: method and density. */
    public String label() {
        return side + " " + method + (method.equals("dense") ? "" : " " + PeerTable.percent(density) + "%");
    }

    /** This result as one CSV line in {@link #HEADER}'s column order. */
    public String toCsv() {
        return String.join(",", side, method, num(density), num(actualDensity), Integer.toString(threads), setting,
                num(epochSeconds), num(samplesPerSecond), num(peakRssMiB), num(flops), num(nominalFlops), num(accuracy),
                Integer.toString(epochs));
    }

    /** Parses a line written by {@link #toCsv}, with or without {@link #PREFIX}. */
    public static PeerResult parse(String line) {
        String body = line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line;
        String[] f = body.strip().split(",", -1);
        int expected = HEADER.split(",").length;
        if (f.length != expected) {
            throw new IllegalArgumentException("a peer result has " + expected + " fields (" + HEADER + "), got "
                    + f.length + ": '" + line + "'");
        }
        try {
            return new PeerResult(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Integer.parseInt(f[4]),
                    f[5], Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                    Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]), Integer.parseInt(f[12]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in peer result '" + line + "': " + e.getMessage(), e);
        }
    }

    /** The result lines of a CSV file's lines (the header and blank lines are skipped). */
    public static List<PeerResult> parseAll(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("side,")).map(PeerResult::parse).toList();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return "PeerResult" + Arrays.asList(toCsv().split(","));
    }
}

package rewire.bench.peer;

import java.util.Arrays;
import java.util.List;

/**
 * One measured configuration of the peer benchmark, as one CSV line; Rewire ({@link PeerRun}) and
 * PyTorch ({@code bench/peer/torch_mlp.py}) print the same columns, prefixed by {@link #PREFIX}.
 *
 * <p>Times are steady state: the first {@code warmup} epochs (JIT compilation, PyTorch's allocator
 * warming up) are not timed. The time of an epoch is split in two, so that rewiring is never hidden
 * in a training figure: {@code epochSeconds} is the training steps alone (the epoch's wall clock
 * minus its topology updates), {@code rewireSeconds} what the run's topology updates cost per
 * epoch. Their sum is what an epoch costs, and what the speedups compare.
 *
 * @param side           rewire or torch
 * @param method         dense, or rigl (Rewire: CSR weights; PyTorch: masks on dense weights)
 * @param standardize    the preprocessing of the pixels: {@code global} (standardized with the
 *                       training set's mean and std, Rewire's default) or {@code none} (x / 255,
 *                       what the PyTorch DST libraries sparse_learning and rigl-torch feed)
 * @param density        the requested overall weight density (1 for dense)
 * @param actualDensity  nonzero weights over all weights at the end of training
 * @param threads        CPU threads the run used
 * @param setting        how the threads were set, such as "2 (OpenBLAS 1)"
 * @param epochSeconds   median over the timed epochs of the seconds of their training steps
 *                       (topology updates left out)
 * @param rewireSeconds  seconds of topology updates per epoch: the mean time of one update in the
 *                       timed epochs times the run's updates per epoch (0 for dense)
 * @param samplesPerSecond training examples per second of a whole epoch (training steps and updates)
 * @param peakRssMiB     peak resident set size of the process (VmHWM / ru_maxrss), MiB
 * @param flops          training FLOPs executed over all epochs (for masked training the dense products)
 * @param nominalFlops   training FLOPs the sparse model needs (RigL's accounting); equals flops for Rewire
 * @param accuracy       test accuracy after all epochs, in [0, 1]
 * @param warmup         epochs trained before the timed ones
 * @param epochs         epochs trained (warm-up plus timed)
 */
public record PeerResult(String side, String method, String standardize, double density, double actualDensity,
                         int threads, String setting, double epochSeconds, double rewireSeconds,
                         double samplesPerSecond, double peakRssMiB, double flops, double nominalFlops, double accuracy,
                         int warmup, int epochs) {
    /** Marks a result line in a process's output. */
    public static final String PREFIX = "PEER_RESULT,";
    /** The CSV header, in the order of the record's components. */
    public static final String HEADER = "side,method,standardize,density,actual_density,threads,setting,epoch_seconds,"
            + "rewire_seconds,samples_per_second,peak_rss_mib,flops,nominal_flops,accuracy,warmup,epochs";
    /** Rewire's default preprocessing, the one every speed ratio is measured at. */
    public static final String DEFAULT_STANDARDIZE = "global";
    /** The preprocessing of the PyTorch DST libraries: pixels / 255, not standardized. */
    public static final String PEER_STANDARDIZE = "none";
    private static final List<String> SIDES = List.of("rewire", "torch");
    private static final List<String> METHODS = List.of("dense", "rigl");
    private static final List<String> STANDARDIZE = List.of(DEFAULT_STANDARDIZE, PEER_STANDARDIZE);

    public PeerResult {
        if (!SIDES.contains(side) || !METHODS.contains(method) || !STANDARDIZE.contains(standardize)) {
            throw new IllegalArgumentException("side must be one of " + SIDES + ", method one of " + METHODS
                    + " and standardize one of " + STANDARDIZE + ", got '" + side + "', '" + method + "' and '"
                    + standardize + "'");
        }
        if (!(density > 0 && density <= 1) || threads < 1 || warmup < 0 || epochs <= warmup || setting.contains(",")
                || !(rewireSeconds >= 0)) {
            throw new IllegalArgumentException("need density in (0, 1], threads >= 1, 0 <= warmup < epochs, "
                    + "rewire seconds >= 0 and a setting without commas; got " + density + ", " + threads + ", "
                    + warmup + ", " + epochs + ", " + rewireSeconds + ", '" + setting + "'");
        }
    }

    /** Seconds of a whole epoch: its training steps and its share of the topology updates. */
    public double totalSeconds() {
        return epochSeconds + rewireSeconds;
    }

    /** Whether the pixels were preprocessed as the PyTorch DST libraries do (x / 255). */
    public boolean peerPreprocessing() {
        return standardize.equals(PEER_STANDARDIZE);
    }

    /** The configuration, for tables: side, method, density, and the preprocessing when it is the peers'. */
    public String label() {
        return side + " " + method + (method.equals("dense") ? "" : " " + PeerTable.percent(density) + "%")
                + (peerPreprocessing() ? " (x/255)" : "");
    }

    /** This result as one CSV line in {@link #HEADER}'s column order. */
    public String toCsv() {
        return String.join(",", side, method, standardize, num(density), num(actualDensity), Integer.toString(threads),
                setting, num(epochSeconds), num(rewireSeconds), num(samplesPerSecond), num(peakRssMiB), num(flops),
                num(nominalFlops), num(accuracy), Integer.toString(warmup), Integer.toString(epochs));
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
            return new PeerResult(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Integer.parseInt(f[5]), f[6], Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                    Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
                    Double.parseDouble(f[12]), Double.parseDouble(f[13]), Integer.parseInt(f[14]),
                    Integer.parseInt(f[15]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in peer result '" + line + "': " + e.getMessage(), e);
        }
    }

    /** The result lines of a CSV file's lines (the header and blank lines are skipped). */
    public static List<PeerResult> parseAll(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("side,")).map(PeerResult::parse).toList();
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return "PeerResult" + Arrays.asList(toCsv().split(","));
    }
}

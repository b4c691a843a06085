package rewire.bench.peer;

import java.util.List;
import java.util.Locale;

/**
 * One run of the README's main command as a user runs it, {@code ./rewire train} with the
 * launcher's JVM flags and the default configuration (or one override such as
 * {@code sparsity.density=0.01}), timed by {@code /usr/bin/time}: the memory a user gets, where
 * {@link PeerRun} measures the benchmark's own JVM. One CSV line prefixed by {@link #PREFIX},
 * written by {@code bench/peer/run.sh}.
 *
 * @param label       what was run: {@code default}, or the override
 * @param density     the configured density
 * @param peakRssMiB  the process's peak resident set size (GNU time's %M), MiB
 * @param seconds     wall-clock seconds of the whole command (training, evaluation, checkpoints, report)
 */
record CommandRun(String label, double density, double peakRssMiB, double seconds) {
    static final String PREFIX = "PEER_COMMAND,";
    static final String HEADER = "label,density,peak_rss_mib,seconds";

    String toCsv() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", label, density, peakRssMiB, seconds);
    }

    static CommandRun parse(String line) {
        String[] f = (line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line).strip().split(",", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("a command run has 4 fields (" + HEADER + "), got " + f.length + ": '"
                    + line + "'");
        }
        return new CommandRun(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]));
    }

    static List<CommandRun> parseAll(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("label,")).map(CommandRun::parse).toList();
    }
}

package rewire.bench.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The peak resident set size of this process: {@code VmHWM} of {@code /proc/self/status}, the
 * kernel's high-water mark of resident memory. It is the number {@code getrusage}'s
 * {@code ru_maxrss} reports, which the PyTorch side reads, so both sides use one definition.
 */
final class PeakRss {
    private static final String KEY = "VmHWM:";

    private PeakRss() {
    }

    /** Peak RSS in MiB, or NaN where /proc is missing (not Linux). */
    static double mib() {
        try {
            return parseMiB(Files.readAllLines(Path.of("/proc/self/status")));
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** The resident-memory lines of /proc/self/status (peak, anonymous, file-backed), for logs. */
    static String breakdown() {
        try {
            return String.join("; ", Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM") || l.startsWith("RssAnon") || l.startsWith("RssFile"))
                    .map(l -> l.replaceAll("\\s+", " ")).toList());
        } catch (IOException e) {
            return "no /proc/self/status";
        }
    }

    /** The {@code VmHWM} line of a status file's lines, in MiB. */
    static double parseMiB(List<String> status) {
        for (String line : status) {
            if (line.startsWith(KEY)) {
                String[] f = line.substring(KEY.length()).strip().split("\\s+");
                if (f.length != 2 || !f[1].equals("kB")) {
                    throw new IllegalArgumentException("unexpected VmHWM line '" + line + "'");
                }
                return Long.parseLong(f[0]) / 1024.0;
            }
        }
        return Double.NaN;
    }
}

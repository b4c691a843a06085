package rewire.bench.peer;

import java.util.List;

/**
 * The command a user runs, measured: {@code ./rewire train} as the README gives it, at the density
 * in question, with the launcher's default JVM settings, as {@code bench/peer/run.sh} reads it
 * from the run's {@code run.json} ({@code summary.peakRssBytes}, VmHWM at the end of the run, and
 * {@code summary.wallClockSeconds}): one CSV line per density. The benchmark's own processes run a
 * tuned JVM; these are the figures a user gets.
 *
 * @param density          the weight density the command trained at (1: dense)
 * @param peakRssMiB       the process's peak resident set size, MiB
 * @param wallClockSeconds the whole run, evaluations, checkpoints and plots included
 * @param command          the command, as a user types it (no commas)
 */
record UserCommand(double density, double peakRssMiB, double wallClockSeconds, String command) {
    static final String HEADER = "density,peak_rss_mib,wall_clock_seconds,command";

    UserCommand {
        if (!(density > 0 && density <= 1) || !(peakRssMiB > 0) || !(wallClockSeconds > 0) || command.isBlank()
                || command.contains(",")) {
            throw new IllegalArgumentException("need density in (0, 1], a positive peak RSS and wall clock and a "
                    + "command without commas; got " + density + ", " + peakRssMiB + ", " + wallClockSeconds + ", '"
                    + command + "'");
        }
    }

    String toCsv() {
        return String.join(",", PeerResult.num(density), PeerResult.num(peakRssMiB), PeerResult.num(wallClockSeconds),
                command);
    }

    static UserCommand parse(String line) {
        String[] f = line.strip().split(",", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("a user command's line has 4 fields (" + HEADER + "), got " + f.length
                    + ": '" + line + "'");
        }
        try {
            return new UserCommand(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), f[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in a user command's line '" + line + "': "
                    + e.getMessage(), e);
        }
    }

    static List<UserCommand> parseAll(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("density,")).map(UserCommand::parse).toList();
    }
}

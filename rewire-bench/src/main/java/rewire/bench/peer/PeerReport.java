package rewire.bench.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the result lines of {@code bench/peer/run.sh} into its outputs: a table on the terminal,
 * CSVs, the speedup plot (PNG) and the peer block of {@code docs/benchmarks.md}.
 *
 * <pre>
 * java -cp benchmarks.jar rewire.bench.peer.PeerReport --results RESULTS.csv [--scale SCALE.csv]
 *      [--user USER.csv] --csv OUT.csv --png OUT.png --doc docs/benchmarks.md
 *      --context "date, machine, command ..." [--notes bench/peer/notes.md]
 * </pre>
 * {@code --user} holds the wall clock and peak memory of the command a user runs
 * ({@link UserCommand}); the scale and user-command results are written next to {@code OUT.csv} as
 * {@code OUT-scale.csv} and {@code OUT-user.csv}.
 * {@code --context} is a Markdown list of how the numbers were made (one item per line); the
 * notes file, when given, is appended to the block verbatim (the analysis numbers cannot give).
 */
public final class PeerReport {
    private PeerReport() {
    }

    /** The command-line options. */
    record Options(Path results, Path scale, Path csv, Path png, Path doc, String context, Path notes, Path user) {
        static Options parse(String[] args) {
            Path[] paths = new Path[7];
            String context = null;
            List<String> names = List.of("--results", "--scale", "--csv", "--png", "--doc", "--notes", "--user");
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--context")) {
                    context = PeerRun.Options.value(args, ++i);
                } else if (names.contains(args[i])) {
                    paths[names.indexOf(args[i])] = Path.of(PeerRun.Options.value(args, ++i));
                } else {
                    throw new IllegalArgumentException("unknown option '" + args[i] + "' (see PeerReport's Javadoc)");
                }
            }
            if (paths[0] == null || paths[2] == null || paths[3] == null || paths[4] == null || context == null) {
                throw new IllegalArgumentException("usage: PeerReport --results FILE [--scale FILE] [--user FILE]"
                        + " --csv FILE --png FILE --doc FILE --context TEXT [--notes FILE]");
            }
            return new Options(paths[0], paths[1], paths[2], paths[3], paths[4], context, paths[5], paths[6]);
        }

        // the lines of an optional input file, none when it is not given or missing
        static List<String> lines(Path file) throws IOException {
            return file != null && Files.exists(file) ? Files.readAllLines(file) : List.of();
        }
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        PeerSummary summary = new PeerSummary(PeerResult.parseAll(Files.readAllLines(o.results())),
                UserCommand.parseAll(Options.lines(o.user())));
        List<ScaleResult> scale = ScaleResult.parseAll(Options.lines(o.scale()));
        Files.createDirectories(o.csv().toAbsolutePath().getParent());
        writeCsv(o.csv(), "", PeerResult.HEADER, summary.results().stream().map(PeerResult::toCsv).toList());
        writeCsv(o.csv(), "-scale", ScaleResult.HEADER, scale.stream().map(ScaleResult::toCsv).toList());
        writeCsv(o.csv(), "-user", UserCommand.HEADER, summary.userCommands().stream().map(UserCommand::toCsv).toList());
        if (summary.baseline().isPresent()) {
            SpeedupPlot.write(summary, o.png());
        }
        String notes = o.notes() != null && Files.exists(o.notes()) ? Files.readString(o.notes()) : "";
        String relativePng = o.doc().toAbsolutePath().getParent().relativize(o.png().toAbsolutePath()).toString();
        String body = section(summary, scale, o.context(), relativePng, notes);
        String doc = Files.exists(o.doc()) ? Files.readString(o.doc()) : "";
        Files.writeString(o.doc(), DocBlock.PEER.replace(doc, body));
        System.out.println(String.join("\n", PeerTable.runs(summary)));
        System.out.println();
        System.out.println(String.join("\n", PeerTable.targets(summary)));
        if (!scale.isEmpty()) {
            System.out.println();
            System.out.println(String.join("\n", PeerTable.scaleTargets(scale)));
            System.out.println();
            System.out.println(String.join("\n", PeerTable.scale(scale)));
        }
        System.out.println("wrote " + o.csv() + ", " + o.png() + " and the peer block of " + o.doc());
    }

    // csv with `suffix` before its extension: the header and the lines, unless there are none
    private static void writeCsv(Path csv, String suffix, String header, List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(List.of(header));
        all.addAll(lines);
        Files.write(csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + suffix + ".csv"), all);
    }

    /** The peer block's Markdown. */
    static String section(PeerSummary s, List<ScaleResult> scale, String context, String png, String notes) {
        List<String> md = new ArrayList<>();
        md.add("## End to end: training against PyTorch");
        md.add("");
        md.add("Generated by `bench/peer/run.sh`; do not edit by hand (the notes come from bench/peer/notes.md).");
        md.add("");
        md.add(context.strip());
        md.add("");
        md.add("### Targets");
        md.add("");
        md.addAll(PeerTable.targets(s));
        md.add("");
        md.add("Where one training step's time goes at each density, the parts that do not shrink with the nonzeros");
        md.add("included: [docs/benchmarks-steps.md](benchmarks-steps.md) (`bench/step-costs.sh`).");
        md.add("");
        md.add("### Every run");
        md.add("");
        md.add("*s/epoch training*: the median over the timed epochs of the seconds their training steps took,");
        md.add("topology updates left out; *s/epoch rewiring*: the run's topology updates per epoch, each at its mean");
        md.add("time in the timed epochs (RigL rewires in the first 75% of the run only, so this spreads them over");
        md.add("all epochs); *s/epoch*: their sum, what an epoch costs, which the speedups, the targets and the plot");
        md.add("compare. Bold: the configuration's fastest thread setting by that sum. Rewire's peak RSS here is");
        md.add("the benchmark's process with its tuned JVM; the command a user runs is in \"The command a user runs\" below.");
        md.add("");
        md.addAll(PeerTable.runs(s));
        md.add("");
        if (s.baseline().isPresent()) {
            md.add("![speedup over PyTorch dense against density](" + png + ")");
            md.add("");
        }
        if (!s.userCommands().isEmpty()) {
            md.add("### The command a user runs: time and memory");
            md.add("");
            md.add("The README's `./rewire train` at the density in question, with the launcher's default JVM settings");
            md.add("and the defaults of every key the command does not set (`summary.wallClockSeconds` and");
            md.add("`summary.peakRssBytes` of its run.json, the latter VmHWM at the end of the run), beside the peak RSS");
            md.add("of the benchmark's own Rewire process (tuned JVM flags, named above; its fastest setting) and of");
            md.add("PyTorch's process at the same density (its fastest setting), each as a fraction of PyTorch dense's.");
            md.add("The memory targets take two of these rows: plain `./rewire train` (its default, RigL at "
                    + PeerTable.percent(PeerSummary.DEFAULT_DENSITY) + "%)");
            md.add("and `./rewire train sparsity.density=0.01`.");
            md.add("");
            md.addAll(PeerTable.userCommands(s));
            md.add("");
        }
        if (!scale.isEmpty()) {
            md.add("### Scale: 784-H-H-H-10 at Erdos-Renyi epsilon 20, Rewire only");
            md.add("");
            md.add("An epoch is its plain steps at the mean of the timed plain steps plus its update steps at the mean "
                    + "of the timed update steps (extrapolated when fewer steps than an epoch's 468 were timed).");
            md.add("");
            md.addAll(PeerTable.scaleTargets(scale));
            md.add("");
            md.addAll(PeerTable.scale(scale));
            md.add("");
        }
        if (!notes.isBlank()) {
            md.add(notes.strip());
        }
        return String.join("\n", md) + "\n";
    }
}

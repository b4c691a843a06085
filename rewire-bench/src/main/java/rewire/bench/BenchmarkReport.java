package rewire.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import rewire.bench.peer.DocBlock;
import rewire.kernel.Kernels;

/**
 * Turns the JMH JSON files of {@link SparseLinearBenchmark} (one per repetition of the grid) into
 * {@code docs/benchmarks.md}: per configuration a table of times and speedups, the crossover
 * density and the fraction of the ideal {@code 1/density} speedup reached; then, verbatim, a
 * hand-written notes file (the analysis that numbers alone do not give).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *      -cp rewire-bench/target/benchmarks.jar rewire.bench.BenchmarkReport \
 *      --out docs/benchmarks.md --command "bench/kernels.sh" --revision "54a1177" --machine "..." --load "..." \
 *      [--notes bench/kernels-notes.md] rep-1.json rep-2.json ...
 * </pre>
 */
public final class BenchmarkReport {
    private static final LayerRun.Config TARGET = new LayerRun.Config("1000x1000", 128, 1);

    private final StringBuilder md = new StringBuilder();

    private BenchmarkReport() {
    }

    /** The command-line options; all but {@code --notes} are required. */
    record Options(Path out, String command, String revision, String machine, String load, Path notes,
                   List<Path> results) {
        static Options parse(String[] args) {
            Path out = null;
            String command = null;
            String revision = null;
            String machine = null;
            String load = null;
            Path notes = null;
            List<Path> results = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--command" -> command = value(args, ++i);
                    case "--revision" -> revision = value(args, ++i);
                    case "--machine" -> machine = value(args, ++i);
                    case "--load" -> load = value(args, ++i);
                    case "--notes" -> notes = Path.of(value(args, ++i));
                    default -> results.add(Path.of(args[i]));
                }
            }
            if (out == null || command == null || revision == null || machine == null || load == null
                    || results.isEmpty()) {
                throw new IllegalArgumentException("usage: BenchmarkReport --out FILE --command CMD --revision REV"
                        + " --machine TEXT --load TEXT [--notes FILE.md] RESULT.json...");
            }
            return new Options(out, command, revision, machine, load, notes, results);
        }

        /** The report's first list items: the command with the git revision it ran at, and today's date. */
        List<String> provenance() {
            return List.of("- Command: `" + command + "` (git " + revision + ")", "- Date: " + LocalDate.now(ZoneOffset.UTC));
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        List<LayerRun> runs = new ArrayList<>();
        for (int i = 0; i < options.results().size(); i++) {
            runs.addAll(LayerRun.read(options.results().get(i), i + 1, SparseLinearBenchmark.class));
        }
        BenchmarkReport report = new BenchmarkReport();
        report.write(options, LayerRun.jvm(options.results().get(0)), new Speedups(runs));
        if (options.notes() != null) {
            report.line("");
            report.md.append(Files.readString(options.notes()));
        }
        Files.writeString(options.out(), keepBlocks(options.out(), report.md.toString()));
        System.out.println("wrote " + options.out());
    }

    // the sections other scripts keep in the same file (end to end, inference) survive a rewrite
    static String keepBlocks(Path out, String generated) throws IOException {
        String old = Files.exists(out) ? Files.readString(out) : "";
        StringBuilder doc = new StringBuilder(generated);
        for (DocBlock kept : DocBlock.ALL) {
            String block = kept.extract(old);
            if (!block.isEmpty()) {
                doc.append(doc.charAt(doc.length() - 1) == '\n' ? "\n" : "\n\n").append(block).append('\n');
            }
        }
        return doc.toString();
    }

    private void write(Options o, LayerRun.Jvm jvm, Speedups speedups) {
        Kernels.Info kernels = Kernels.defaults().info();
        line("# Kernel benchmarks: a sparse linear layer against its dense twin");
        line("");
        line("Generated by `bench/kernels.sh` from JMH results; do not edit by hand.");
        line("");
        o.provenance().forEach(this::line);
        line("- CPU: " + o.machine());
        line("- JDK: " + jvm.jdkVersion() + " (" + jvm.vmName() + " " + jvm.vmVersion() + "), JVM flags `" + jvm.jvmArgs() + "`");
        // The report's own JVM chose the thread count in the BLAS description; the runs' is per table.
        line("- Kernels: sparse `" + kernels.provider() + "` (" + kernels.vectorWidth() + " floats per vector), dense "
                + kernels.blas().replaceAll(", \\d+ threads?\\)", ")") + "; OpenBLAS kernels: "
                + kernels.blasCore().advice());
        line("- JMH: " + jvm.jmh() + "; " + o.results().size() + " result file(s), one per repetition");
        line("- Threads: the `threads` of each table (`-Drewire.threads`: Rewire's pool, which runs OpenBLAS "
                + "single-threaded in fixed chunks)");
        line("- Machine load (1-minute load average at the start of each JMH run): " + o.load());
        line("");
        line("Times are medians over repetitions of JMH's average time per operation. A speedup is dense time over");
        line("sparse time within one repetition (for the target configuration against the dense run made just");
        line("before, at the same density), then the median over repetitions. `step` is forward + input gradient +");
        line("weight gradient; its dense twin is the three GEMMs. The ideal speedup is 1/density, the ratio of");
        line("multiply-adds; *of ideal* is speedup x density. The crossover is the density at which the sparse step");
        line("takes as long as the dense one, interpolated in log-log between the measured densities.");
        writeTargets(speedups);
        for (LayerRun.Config c : speedups.configs()) {
            writeTable(c, speedups.rows(c), speedups.repetitions(c));
        }
    }

    private void writeTargets(Speedups speedups) {
        if (!speedups.configs().contains(TARGET)) {
            return;
        }
        List<Speedups.Row> rows = speedups.rows(TARGET);
        line("");
        line("## Targets (" + TARGET + "; step vs the three dense GEMMs)");
        line("");
        line("| target | measured | met |");
        line("|---|---|---|");
        // issue 16: at least half the ideal speedup 1/density at every density from 1% to 20%
        for (double d : List.of(0.01, 0.02, 0.05, 0.1, 0.2)) {
            idealTarget(d, stepSpeedup(rows, d));
        }
        OptionalDouble crossover = Speedups.crossover(rows);
        String measured = crossover.isPresent() ? "crossover at " + percent(crossover.getAsDouble()) : "not bracketed";
        line("| break-even at 25% density or higher | " + measured + " | "
                + (crossover.isPresent() ? yesNo(crossover.getAsDouble() >= 0.25) : "?") + " |");
    }

    // at density d, a step speedup of at least 0.5 / d: half the ideal 1/d
    private void idealTarget(double d, OptionalDouble speedup) {
        String measured = speedup.isPresent() ? times(speedup.getAsDouble()) + " (" + fmt("%.2f", speedup.getAsDouble() * d)
                + " of ideal)" : "not measured";
        line("| at least 0.5 of the ideal " + times(1 / d) + " at " + percent(d) + " density | " + measured + " | "
                + (speedup.isPresent() ? yesNo(speedup.getAsDouble() * d >= 0.5) : "?") + " |");
    }

    private static OptionalDouble stepSpeedup(List<Speedups.Row> rows, double density) {
        return rows.stream().filter(r -> r.density() == density && r.speedup().containsKey("step"))
                .mapToDouble(r -> r.speedup().get("step")).findFirst();
    }

    private void writeTable(LayerRun.Config c, List<Speedups.Row> rows, long repetitions) {
        line("");
        line("## " + c);
        line("");
        line(repetitions == 1 ? "One repetition." : "Medians of " + repetitions + " repetitions.");
        line("");
        line("| density | forward ms | x | input grad ms | x | weight grad ms | x | step ms | dense step ms | speedup | 1/density | of ideal | sparse GFLOP/s |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Speedups.Row r : rows) {
            StringBuilder cells = new StringBuilder("| " + percent(r.density()));
            for (String op : List.of("forward", "inputGrad", "weightGrad")) {
                cells.append(" | ").append(ms(r.sparseMs().get(op))).append(" | ").append(times(r.speedup().get(op)));
            }
            Double step = r.sparseMs().get("step");
            double flop = 6.0 * Math.round(r.density() * c.out() * (double) c.in()) * c.batch();
            cells.append(" | ").append(ms(step)).append(" | ").append(ms(r.denseMs().get("step")))
                    .append(" | ").append(times(r.speedup().get("step")))
                    .append(" | ").append(times(1 / r.density()))
                    .append(" | ").append(r.speedup().containsKey("step") ? fmt("%.2f", r.fractionOfIdeal()) : "")
                    .append(" | ").append(step == null ? "" : fmt("%.1f", flop / step / 1e6)).append(" |");
            line(cells.toString());
        }
        OptionalDouble crossover = Speedups.crossover(rows);
        line("");
        line("Crossover density (sparse step = dense step): "
                + (crossover.isPresent() ? percent(crossover.getAsDouble()) : "not between the measured densities") + ".");
    }

    private static String yesNo(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String percent(double density) {
        double p = density * 100;
        return p == Math.rint(p) ? fmt("%.0f%%", p) : fmt("%.1f%%", p);
    }

    private static String ms(Double ms) {
        if (ms == null) {
            return "";
        }
        return ms >= 100 ? fmt("%.0f", ms) : ms >= 10 ? fmt("%.1f", ms) : ms >= 1 ? fmt("%.2f", ms) : fmt("%.3f", ms);
    }

    private static String times(Double x) {
        if (x == null) {
            return "";
        }
        return x >= 100 ? fmt("%.0fx", x) : x >= 10 ? fmt("%.1fx", x) : fmt("%.2fx", x);
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}

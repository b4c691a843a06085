package rewire.bench.peer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Markdown tables of a {@link PeerSummary}: every run, the targets, and the scale runs. */
final class PeerTable {
    private PeerTable() {
    }

    /** Every run, grouped by configuration, densest first; the fastest setting of each is bold. */
    static List<String> runs(PeerSummary s) {
        List<String> out = new ArrayList<>();
        out.add("| run | threads | density (actual) | s/epoch training | s/epoch rewiring | s/epoch | samples/s "
                + "| speedup vs PyTorch dense | peak RSS MiB | training FLOPs executed | nominal (sparse) | test accuracy |");
        out.add("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Comparator<PeerResult> order = Comparator.comparing(PeerResult::standardize).thenComparing(PeerResult::side)
                .thenComparing(PeerResult::method).thenComparing(PeerResult::density, Comparator.reverseOrder())
                .thenComparing(PeerResult::setting);
        List<PeerResult> best = s.best();
        for (PeerResult r : s.results().stream().sorted(order).toList()) {
            String time = String.format(Locale.ROOT, "%.3f", r.totalSeconds());
            out.add(String.format(Locale.ROOT, "| %s | %s | %.4f | %.3f | %.3f | %s | %.0f | %.2fx | %.0f | %s | %s | %.2f%% |",
                    r.label(), r.setting(), r.actualDensity(), r.epochSeconds(), r.rewireSeconds(),
                    best.contains(r) ? "**" + time + "**" : time, r.samplesPerSecond(), s.speedup(r), r.peakRssMiB(),
                    flops(r.flops()), flops(r.nominalFlops()), 100 * r.accuracy()));
        }
        return out;
    }

    /**
     * The command a user runs per density, its wall clock and peak memory (default JVM settings),
     * beside the benchmark's tuned process (its fastest setting) and PyTorch's, each against
     * PyTorch dense's peak memory.
     */
    static List<String> userCommands(PeerSummary s) {
        List<String> out = new ArrayList<>();
        out.add("| density | command a user runs | its wall clock s | its peak RSS MiB (default JVM) | Rewire benchmark "
                + "process MiB (tuned JVM) | PyTorch, same density, MiB | user's command / PyTorch dense "
                + "| tuned / PyTorch dense |");
        out.add("|---:|---|---:|---:|---:|---:|---:|---:|");
        double torchDense = s.baseline().map(PeerResult::peakRssMiB).orElse(Double.NaN);
        List<UserCommand> rows = s.userCommands().stream()
                .sorted(Comparator.comparingDouble(UserCommand::density).reversed()).toList();
        for (UserCommand m : rows) {
            String method = m.density() == 1 ? "dense" : "rigl";
            double tuned = s.best("rewire", method, m.density()).map(PeerResult::peakRssMiB).orElse(Double.NaN);
            double torch = s.best("torch", method, m.density()).map(PeerResult::peakRssMiB).orElse(Double.NaN);
            out.add(String.format(Locale.ROOT, "| %s%% | `%s` | %.1f | %.0f | %s | %s | %s | %s |", percent(m.density()),
                    m.command(), m.wallClockSeconds(), m.peakRssMiB(), mib(tuned), mib(torch),
                    fraction(m.peakRssMiB() / torchDense), fraction(tuned / torchDense)));
        }
        return out;
    }

    /** How the pixels were preprocessed, in words. */
    static String preprocessing(String standardize) {
        return standardize.equals(PeerResult.PEER_STANDARDIZE) ? "pixels x/255 (the peers')" : "standardized pixels";
    }

    private static String mib(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String fraction(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    static List<String> targets(PeerSummary s) {
        List<String> out = new ArrayList<>();
        out.add("| target | measured | |");
        out.add("|---|---:|---|");
        for (PeerSummary.Target t : s.targets()) {
            out.add("| " + t.name() + " | " + t.measured() + " | " + t.verdict() + " |");
        }
        return out;
    }

    static List<String> scale(List<ScaleResult> results) {
        List<String> out = new ArrayList<>();
        out.add("| recipe | hidden | weights nnz | density | steps timed | s/step | update steps timed | s per update step "
                + "| updates per epoch | s/epoch | peak RSS MiB | -Xmx |");
        out.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (ScaleResult r : results) {
            out.add(String.format(Locale.ROOT, "| %s | %,d | %,d | %.2e | %d | %.3f | %d | %s | %d | %.0f%s | %.0f | %s |",
                    r.recipe(), r.hidden(), r.nnz(), r.density(), r.steps(), r.stepSeconds(), r.updates(),
                    Double.isNaN(r.updateSeconds()) ? "-" : String.format(Locale.ROOT, "%.1f", r.updateSeconds()),
                    r.updatesPerEpoch(), r.epochSeconds(), r.extrapolated() ? " (extrapolated)" : "", r.peakRssMiB(),
                    r.heap()));
        }
        return out;
    }

    /** Seconds an epoch of a dynamic scale run may take (issue 16: 60 minutes). */
    static final double SCALE_EPOCH_SECONDS = 3600;
    /** Memory a scale run may use (issue 16: 16 GB), MiB. */
    static final double SCALE_RSS_MIB = 16 * 1024;

    /**
     * The scale targets: every dynamic run (SET, RigL) at the widest hidden width measured, an
     * epoch (extrapolated when fewer steps were timed) within an hour and a peak RSS within 16 GB.
     */
    static List<String> scaleTargets(List<ScaleResult> results) {
        int widest = results.stream().mapToInt(ScaleResult::hidden).max().orElse(0);
        List<String> out = new ArrayList<>(List.of("| target | measured | |", "|---|---:|---|"));
        for (ScaleResult r : results) {
            if (r.hidden() != widest || r.recipe().equals("static")) {
                continue;
            }
            String what = String.format(Locale.ROOT, "%s at hidden %,d", r.recipe(), r.hidden());
            double epoch = r.epochSeconds();
            out.add(String.format(Locale.ROOT, "| %s: epoch <= 60 min | %.1f min%s | %s |", what, epoch / 60,
                    r.extrapolated() ? " (extrapolated from " + r.steps() + " steps)" : "",
                    Double.isNaN(epoch) ? "not measured" : epoch <= SCALE_EPOCH_SECONDS ? "met" : "missed"));
            out.add(String.format(Locale.ROOT, "| %s: peak RSS <= 16 GB | %.1f GB | %s |", what, r.peakRssMiB() / 1024,
                    r.peakRssMiB() <= SCALE_RSS_MIB ? "met" : "missed"));
        }
        return out;
    }

    /** A density as a percentage without needless decimals: 0.1 -> "10", 0.005 -> "0.5". */
    static String percent(double density) {
        double p = 100 * density;
        return new BigDecimal(p).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** FLOPs in SI units: 2.35e12 -> "2.35 T". */
    static String flops(double f) {
        String[] units = {"", " k", " M", " G", " T", " P", " E"};
        int u = 0;
        double v = f;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g%s", v, units[u]);
    }
}

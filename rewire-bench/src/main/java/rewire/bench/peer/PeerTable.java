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
        out.add("| run | threads | density (actual) | s/epoch | samples/s | speedup vs PyTorch dense | peak RSS MiB "
                + "| training FLOPs executed | nominal (sparse) | test accuracy |");
        out.add("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Comparator<PeerResult> order = Comparator.comparing(PeerResult::side).thenComparing(PeerResult::method)
                .thenComparing(PeerResult::density, Comparator.reverseOrder()).thenComparing(PeerResult::setting);
        List<PeerResult> best = s.best();
        for (PeerResult r : s.results().stream().sorted(order).toList()) {
            String time = String.format(Locale.ROOT, "%.3f", r.epochSeconds());
            out.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %.2fx | %.0f | %s | %s | %.2f%% |",
                    r.label(), r.setting(), String.format(Locale.ROOT, "%.4f", r.actualDensity()),
                    best.contains(r) ? "**" + time + "**" : time, r.samplesPerSecond(), s.speedup(r), r.peakRssMiB(),
                    flops(r.flops()), flops(r.nominalFlops()), 100 * r.accuracy()));
        }
        return out;
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
        out.add("| hidden | weights nnz | density | steps timed | s/step | s per 100 steps | s/epoch (extrapolated) "
                + "| peak RSS MiB | -Xmx |");
        out.add("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (ScaleResult r : results) {
            out.add(String.format(Locale.ROOT, "| %,d | %,d | %.2e | %d | %.3f | %.1f%s | %.0f%s | %.0f | %s |", r.hidden(),
                    r.nnz(), r.density(), r.steps(), r.stepSeconds(), 100 * r.stepSeconds(),
                    r.steps() < 100 ? " (extrapolated)" : "", r.stepSeconds() * r.stepsPerEpoch(),
                    " (extrapolated)", r.peakRssMiB(), r.heap()));
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

package rewire.bench.peer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * The analysis of one peer benchmark run: every configuration at its best thread setting (the
 * fastest epoch), speedups over PyTorch dense at its best setting, and the targets as
 * ratios measured in the same run.
 */
final class PeerSummary {
    /** Rewire dense may take at most this many times PyTorch dense's epoch. */
    static final double DENSE_PARITY = 1.25;
    static final double SPEEDUP_AT_10 = 5;
    static final double SPEEDUP_AT_1 = 30;
    /** The densities down to which the epoch time must fall in proportion to density, from 20%. */
    static final List<Double> PROPORTIONAL = List.of(0.1, 0.05, 0.02);
    /** {@code rewire train} at 1% may use at most this fraction of PyTorch dense's peak memory. */
    static final double MEMORY_FRACTION_AT_1 = 0.5;
    /** Rewire RigL's accuracy may trail PyTorch masked RigL's by at most this (0.5 point). */
    static final double ACCURACY_GAP = 0.005;

    private final List<PeerResult> results;
    private final List<CommandRun> commands;
    private final Map<String, PeerResult> best = new LinkedHashMap<>();

    PeerSummary(List<PeerResult> results) {
        this(results, List.of());
    }

    /** @param commands runs of {@code ./rewire train} itself, for the memory targets */
    PeerSummary(List<PeerResult> results, List<CommandRun> commands) {
        this.results = List.copyOf(results);
        this.commands = List.copyOf(commands);
        for (PeerResult r : results) {
            best.merge(r.label(), r, (a, b) -> b.epochSeconds() < a.epochSeconds() ? b : a);
        }
    }

    List<PeerResult> results() {
        return results;
    }

    /** The runs of {@code ./rewire train} itself. */
    List<CommandRun> commands() {
        return commands;
    }

    /** The fastest result of every configuration, in the order first seen. */
    List<PeerResult> best() {
        return List.copyOf(best.values());
    }

    /** The fastest result of {@code side}/{@code method} at {@code density}, if measured. */
    Optional<PeerResult> best(String side, String method, double density) {
        return best.values().stream().filter(r -> r.side().equals(side) && r.method().equals(method)
                && Math.abs(r.density() - density) < 1e-9).findFirst();
    }

    /** PyTorch dense at its fastest setting: the baseline of every speedup. */
    Optional<PeerResult> baseline() {
        return best("torch", "dense", 1.0);
    }

    /** PyTorch dense's best epoch time over {@code r}'s, or NaN without a baseline. */
    double speedup(PeerResult r) {
        return baseline().map(b -> b.epochSeconds() / r.epochSeconds()).orElse(Double.NaN);
    }

    /** The densities of the sparse runs of {@code side}, falling. */
    List<Double> sparseDensities(String side) {
        return best.values().stream().filter(r -> r.side().equals(side) && r.method().equals("rigl"))
                .map(PeerResult::density).distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** One target: what it asks, the measured ratio, whether it is met (empty when not measured). */
    record Target(String name, String measured, Optional<Boolean> met) {
        String verdict() {
            return met.map(m -> m ? "met" : "missed").orElse("not measured");
        }
    }

    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        Optional<PeerResult> torch = baseline();
        out.add(ratio("Rewire dense epoch <= " + DENSE_PARITY + " x PyTorch dense's", best("rewire", "dense", 1.0),
                torch, (r, t) -> r.epochSeconds() / t.epochSeconds(), v -> v <= DENSE_PARITY, "x"));
        out.add(ratio("Rewire RigL 10% >= " + (int) SPEEDUP_AT_10 + "x faster than PyTorch dense",
                best("rewire", "rigl", 0.1), torch, (r, t) -> t.epochSeconds() / r.epochSeconds(),
                v -> v >= SPEEDUP_AT_10, "x faster"));
        out.add(ratio("Rewire RigL 1% >= " + (int) SPEEDUP_AT_1 + "x faster than PyTorch dense",
                best("rewire", "rigl", 0.01), torch, (r, t) -> t.epochSeconds() / r.epochSeconds(),
                v -> v >= SPEEDUP_AT_1, "x faster"));
        for (double d : PROPORTIONAL) {
            out.add(ratio(String.format(Locale.ROOT, "Rewire RigL epoch from 20%% to %s%% falls in proportion to "
                            + "density (%.0fx)", PeerTable.percent(d), 0.2 / d), best("rewire", "rigl", 0.2),
                    best("rewire", "rigl", d), (wide, narrow) -> wide.epochSeconds() / narrow.epochSeconds(),
                    v -> v >= 0.2 / d * (1 - 1e-9), "x faster"));
        }
        out.add(memory("rewire train (default) peak RSS <= PyTorch dense's", command(0.1), torch, 1));
        out.add(memory("rewire train sparsity.density=0.01 peak RSS <= 1/2 of PyTorch dense's", command(0.01), torch,
                MEMORY_FRACTION_AT_1));
        for (double d : sparseDensities("rewire")) {
            Optional<PeerResult> theirs = best("torch", "rigl", d);
            out.add(ratio(String.format(Locale.ROOT, "RigL %s%% accuracy: Rewire within 0.5 point of PyTorch",
                            PeerTable.percent(d)), best("rewire", "rigl", d), theirs,
                    (r, t) -> 100 * (t.accuracy() - r.accuracy()), v -> v <= 100 * ACCURACY_GAP, "points behind"));
        }
        return out;
    }

    // the run of ./rewire train at this density, if measured
    private Optional<CommandRun> command(double density) {
        return commands.stream().filter(c -> Math.abs(c.density() - density) < 1e-9).findFirst();
    }

    private static Target memory(String name, Optional<CommandRun> command, Optional<PeerResult> torch,
                                 double fraction) {
        if (command.isEmpty() || torch.isEmpty()) {
            return new Target(name, "-", Optional.empty());
        }
        double v = command.get().peakRssMiB() / torch.get().peakRssMiB();
        return new Target(name, String.format(Locale.ROOT, "%.3f of PyTorch's (%.0f of %.0f MiB)", v,
                command.get().peakRssMiB(), torch.get().peakRssMiB()), Optional.of(v <= fraction));
    }

    private interface Ratio {
        double of(PeerResult rewire, PeerResult torch);
    }

    private static Target ratio(String name, Optional<PeerResult> rewire, Optional<PeerResult> torch, Ratio ratio,
                                DoublePredicate ok, String unit) {
        if (rewire.isEmpty() || torch.isEmpty()) {
            return new Target(name, "-", Optional.empty());
        }
        double v = ratio.of(rewire.get(), torch.get());
        return new Target(name, String.format(Locale.ROOT, "%.3f %s", v, unit), Optional.of(ok.test(v)));
    }
}

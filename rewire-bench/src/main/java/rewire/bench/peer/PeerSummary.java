package rewire.bench.peer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;
import rewire.train.SparsitySettings;

/**
 * The analysis of one peer benchmark run: every configuration at its best thread setting (the
 * fastest whole epoch, training steps and topology updates), speedups over PyTorch dense at its
 * best setting with Rewire's default preprocessing, the command a user runs, and the
 * issue's targets as ratios measured in the same run.
 */
final class PeerSummary {
    /** Rewire dense may take at most this many times PyTorch dense's epoch. */
    static final double DENSE_PARITY = 1.25;
    static final double SPEEDUP_AT_10 = 5;
    /** Issue 16: RigL at 1% at least this many times faster than PyTorch dense (issue 14 asked 25). */
    static final double SPEEDUP_AT_1 = 30;
    /** Issue 16: from this density, the epoch must fall in proportion to density ... */
    static final double PROPORTIONAL_FROM = 0.2;
    /** ... down to each of these. */
    static final List<Double> PROPORTIONAL = List.of(0.1, 0.05, 0.02);
    /** The density {@code ./rewire train} trains at without overrides (RigL at 10%). */
    static final double DEFAULT_DENSITY = SparsitySettings.defaults().density();
    /** Issue 16: {@code ./rewire train} at its defaults may use at most PyTorch dense's peak memory... */
    static final double MEMORY_FRACTION_AT_DEFAULT = 1;
    /** ... and at 1% at most this fraction of it (issue 14 asked 1/5 of the benchmark's own process). */
    static final double MEMORY_FRACTION_AT_1 = 0.5;
    /** Rewire RigL's accuracy may trail PyTorch masked RigL's by at most this (0.5 point). */
    static final double ACCURACY_GAP = 0.005;

    private final List<PeerResult> results;
    private final List<UserCommand> userCommands;
    private final Map<String, PeerResult> best = new LinkedHashMap<>();

    /** @param userCommands runs of {@code ./rewire train} itself, the command a user runs, for the memory targets */
    PeerSummary(List<PeerResult> results, List<UserCommand> userCommands) {
        this.results = List.copyOf(results);
        this.userCommands = List.copyOf(userCommands);
        for (PeerResult r : results) {
            best.merge(key(r.side(), r.method(), r.standardize(), r.density()), r,
                    (a, b) -> b.totalSeconds() < a.totalSeconds() ? b : a);
        }
    }

    private static String key(String side, String method, String standardize, double density) {
        return side + "/" + method + "/" + standardize + "/" + density;
    }

    List<PeerResult> results() {
        return results;
    }

    /** The runs of {@code ./rewire train} itself, one per density measured. */
    List<UserCommand> userCommands() {
        return userCommands;
    }

    /** The fastest result of every configuration, in the order first seen. */
    List<PeerResult> best() {
        return List.copyOf(best.values());
    }

    /** The fastest result of {@code side}/{@code method} at {@code density} with Rewire's default preprocessing. */
    Optional<PeerResult> best(String side, String method, double density) {
        return best(side, method, PeerResult.DEFAULT_STANDARDIZE, density);
    }

    /** The fastest result of {@code side}/{@code method} at {@code density} with this preprocessing, if measured. */
    Optional<PeerResult> best(String side, String method, String standardize, double density) {
        return best.values().stream().filter(r -> r.side().equals(side) && r.method().equals(method)
                && r.standardize().equals(standardize) && Math.abs(r.density() - density) < 1e-9).findFirst();
    }

    /** PyTorch dense at its fastest setting, with Rewire's default preprocessing: the baseline of every speedup. */
    Optional<PeerResult> baseline() {
        return best("torch", "dense", 1.0);
    }

    /** PyTorch dense's best whole epoch over {@code r}'s, or NaN without a baseline. */
    double speedup(PeerResult r) {
        return baseline().map(b -> b.totalSeconds() / r.totalSeconds()).orElse(Double.NaN);
    }

    /** The densities of the sparse runs of {@code side} with this preprocessing, falling. */
    List<Double> sparseDensities(String side, String standardize) {
        return best.values().stream().filter(r -> r.side().equals(side) && r.method().equals("rigl")
                        && r.standardize().equals(standardize))
                .map(PeerResult::density).distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** The user's command at {@code density}, if measured. */
    Optional<UserCommand> userCommand(double density) {
        return userCommands.stream().filter(m -> Math.abs(m.density() - density) < 1e-9).findFirst();
    }

    /** One target: what it asks, the measured ratio, whether it is met (empty when not measured). */
    record Target(String name, String measured, Optional<Boolean> met) {
        String verdict() {
            return met.map(m -> m ? "met" : "missed").orElse("not measured");
        }
    }

    /** The targets, each a ratio of two results of this run (not measured when a side is missing). */
    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        Optional<PeerResult> torch = baseline();
        out.add(target("Rewire dense epoch <= " + DENSE_PARITY + " x PyTorch dense's",
                ratio(best("rewire", "dense", 1.0), torch, (r, t) -> r.totalSeconds() / t.totalSeconds()),
                v -> v <= DENSE_PARITY, "x"));
        out.add(target("Rewire RigL 10% >= " + (int) SPEEDUP_AT_10 + "x faster than PyTorch dense (rewiring included)",
                ratio(best("rewire", "rigl", 0.1), torch, (r, t) -> t.totalSeconds() / r.totalSeconds()),
                v -> v >= SPEEDUP_AT_10, "x faster"));
        out.add(target("Rewire RigL 1% >= " + (int) SPEEDUP_AT_1 + "x faster than PyTorch dense (rewiring included)",
                ratio(best("rewire", "rigl", 0.01), torch, (r, t) -> t.totalSeconds() / r.totalSeconds()),
                v -> v >= SPEEDUP_AT_1, "x faster"));
        for (double d : PROPORTIONAL) {
            out.add(target(String.format(Locale.ROOT, "Rewire RigL epoch from 20%% to %s%% falls in proportion to "
                            + "density (%.0fx, rewiring included)", PeerTable.percent(d), PROPORTIONAL_FROM / d),
                    ratio(best("rewire", "rigl", PROPORTIONAL_FROM), best("rewire", "rigl", d),
                            (wide, narrow) -> wide.totalSeconds() / narrow.totalSeconds()),
                    v -> v >= PROPORTIONAL_FROM / d * (1 - 1e-9), "x faster"));
        }
        out.add(memory("Peak RSS of `./rewire train` (the default, RigL " + PeerTable.percent(DEFAULT_DENSITY)
                + "%) <= PyTorch dense's", userCommand(DEFAULT_DENSITY), torch, MEMORY_FRACTION_AT_DEFAULT));
        out.add(memory("Peak RSS of `./rewire train sparsity.density=0.01` <= 1/2 of PyTorch dense's",
                userCommand(0.01), torch, MEMORY_FRACTION_AT_1));
        for (String standardize : List.of(PeerResult.DEFAULT_STANDARDIZE, PeerResult.PEER_STANDARDIZE)) {
            for (double d : sparseDensities("rewire", standardize)) {
                out.add(target(String.format(Locale.ROOT, "RigL %s%% accuracy, %s: Rewire within 0.5 point of PyTorch",
                                PeerTable.percent(d), PeerTable.preprocessing(standardize)),
                        ratio(best("rewire", "rigl", standardize, d), best("torch", "rigl", standardize, d),
                                (r, t) -> 100 * (t.accuracy() - r.accuracy())),
                        v -> v <= 100 * ACCURACY_GAP, "points behind"));
            }
        }
        return out;
    }

    // the peak RSS of the user's command against PyTorch dense's, met at most at `fraction` of it
    private static Target memory(String name, Optional<UserCommand> user, Optional<PeerResult> torch,
                                 double fraction) {
        if (user.isEmpty() || torch.isEmpty()) {
            return new Target(name, "-", Optional.empty());
        }
        double v = user.get().peakRssMiB() / torch.get().peakRssMiB();
        return new Target(name, String.format(Locale.ROOT, "%.3f of PyTorch's (%.0f of %.0f MiB)", v,
                user.get().peakRssMiB(), torch.get().peakRssMiB()), Optional.of(v <= fraction));
    }

    private interface Ratio {
        double of(PeerResult rewire, PeerResult torch);
    }

    // the ratio of a Rewire and a PyTorch result, when both were measured
    private static Optional<Double> ratio(Optional<PeerResult> rewire, Optional<PeerResult> torch, Ratio ratio) {
        return rewire.flatMap(r -> torch.map(t -> ratio.of(r, t)));
    }

    // a target on a measured value (not measured when empty), printed with its unit
    private static Target target(String name, Optional<Double> measured, DoublePredicate ok, String unit) {
        return measured.map(v -> new Target(name, String.format(Locale.ROOT, "%.3f %s", v, unit),
                        Optional.of(ok.test(v))))
                .orElseGet(() -> new Target(name, "-", Optional.empty()));
    }
}

package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.bench.peer.PeerResultTest.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PeerSummaryTest {
    private static final String NONE = PeerResult.PEER_STANDARDIZE;
    // PyTorch dense best at 12 s (1 thread); Rewire dense best at 10 s (2 threads); RigL runs; whole epochs
    private static final List<PeerResult> RUNS = List.of(
            result("torch", "dense", 1, "1", 12, 350, 0.880),
            result("torch", "dense", 1, "2 (OpenBLAS 1)", 12.5, 352, 0.880),
            result("rewire", "dense", 1, "1 (rewire.threads)", 13, 210, 0.879),
            result("rewire", "dense", 1, "2 (rewire.threads)", 10, 212, 0.879),
            result("rewire", "rigl", 0.1, "2 (rewire.threads)", 2, 240, 0.874),
            result("rewire", "rigl", 0.01, "1 (rewire.threads)", 0.6, 60, 0.850),
            result("torch", "rigl", 0.1, "1", 14, 355, 0.876),
            result("torch", "rigl", 0.01, "1", 13, 355, 0.860),
            // the peers' preprocessing: a faster PyTorch dense that must not become the baseline
            result("torch", "dense", NONE, 1, "1", 6, 350, 0.870),
            result("rewire", "rigl", NONE, 0.01, "1 (rewire.threads)", 0.6, 60, 0.842),
            result("torch", "rigl", NONE, 0.01, "1", 13, 355, 0.845));
    // the command a user runs: plain at its default density (10%), with an override elsewhere
    private static final List<UserCommand> USER = List.of(
            new UserCommand(0.01, 200, 14.5, "./rewire train sparsity.density=0.01"),
            new UserCommand(0.1, 296, 40, "./rewire train"),
            new UserCommand(1, 1100, 40.25, "./rewire train sparsity.recipe=dense sparsity.density=1"));
    private static final String MEMORY_DEFAULT = "Peak RSS of `./rewire train` (the default, RigL 10%) <= PyTorch dense's";
    private static final String MEMORY_AT_1 = "Peak RSS of `./rewire train sparsity.density=0.01` <= 1/2 of PyTorch dense's";

    private static Map<String, PeerSummary.Target> targets(PeerSummary s) {
        return s.targets().stream().collect(Collectors.toMap(PeerSummary.Target::name, x -> x));
    }

    @Test
    void bestSettingPerConfigurationAndTheBaselineAtTheDefaultPreprocessing() {
        PeerSummary s = new PeerSummary(RUNS, USER);
        assertEquals(9, s.best().size());
        assertEquals("1", s.baseline().orElseThrow().setting());
        assertEquals(PeerResult.DEFAULT_STANDARDIZE, s.baseline().orElseThrow().standardize());
        assertEquals(10, s.best("rewire", "dense", 1).orElseThrow().totalSeconds());
        assertEquals(1.2, s.speedup(s.best("rewire", "dense", 1).orElseThrow()), 1e-12);
        assertEquals(List.of(0.1, 0.01), s.sparseDensities("rewire", PeerResult.DEFAULT_STANDARDIZE));
        assertEquals(List.of(0.01), s.sparseDensities("rewire", NONE));
        assertEquals(Optional.empty(), s.best("rewire", "rigl", 0.5));
        assertEquals(0.842, s.best("rewire", "rigl", NONE, 0.01).orElseThrow().accuracy());
        assertEquals("./rewire train", s.userCommand(PeerSummary.DEFAULT_DENSITY).orElseThrow().command());
    }

    @Test
    void targetsAreRatiosOfTheSameRunWithRewiringIncluded() {
        List<PeerResult> runs = new ArrayList<>(RUNS);
        runs.add(result("rewire", "rigl", 0.2, "2 (rewire.threads)", 3.5, 250, 0.876));
        runs.add(result("rewire", "rigl", 0.02, "1 (rewire.threads)", 0.5, 70, 0.860));
        PeerSummary s = new PeerSummary(runs, USER);
        // 3 speed targets, 3 proportional (issue 16), 2 memory (issue 16), accuracy at every sparse density
        // per preprocessing (20/10/2/1% standardized, 1% x/255)
        assertEquals(List.of(
                "Rewire dense epoch <= 1.25 x PyTorch dense's",
                "Rewire RigL 10% >= 5x faster than PyTorch dense (rewiring included)",
                "Rewire RigL 1% >= 30x faster than PyTorch dense (rewiring included)",
                "Rewire RigL epoch from 20% to 10% falls in proportion to density (2x, rewiring included)",
                "Rewire RigL epoch from 20% to 5% falls in proportion to density (4x, rewiring included)",
                "Rewire RigL epoch from 20% to 2% falls in proportion to density (10x, rewiring included)",
                MEMORY_DEFAULT,
                MEMORY_AT_1,
                "RigL 20% accuracy, standardized pixels: Rewire within 0.5 point of PyTorch",
                "RigL 10% accuracy, standardized pixels: Rewire within 0.5 point of PyTorch",
                "RigL 2% accuracy, standardized pixels: Rewire within 0.5 point of PyTorch",
                "RigL 1% accuracy, standardized pixels: Rewire within 0.5 point of PyTorch",
                "RigL 1% accuracy, pixels x/255 (the peers'): Rewire within 0.5 point of PyTorch"),
                s.targets().stream().map(PeerSummary.Target::name).toList());
        Map<String, PeerSummary.Target> t = targets(s);
        PeerSummary.Target dense = t.get("Rewire dense epoch <= 1.25 x PyTorch dense's");
        assertEquals("0.833 x", dense.measured());
        assertEquals("met", dense.verdict());
        PeerSummary.Target ten = t.get("Rewire RigL 10% >= 5x faster than PyTorch dense (rewiring included)");
        assertEquals("6.000 x faster", ten.measured(), "12 s over 2 s, of which 0.18 s rewiring");
        assertEquals("met", ten.verdict());
        PeerSummary.Target one = t.get("Rewire RigL 1% >= 30x faster than PyTorch dense (rewiring included)");
        assertEquals("20.000 x faster", one.measured());
        assertEquals("missed", one.verdict());
        PeerSummary.Target to10 = t.get("Rewire RigL epoch from 20% to 10% falls in proportion to density "
                + "(2x, rewiring included)");
        assertEquals("1.750 x faster", to10.measured(), "3.5 s over 2 s");
        assertEquals("missed", to10.verdict());
        assertEquals("not measured", t.get("Rewire RigL epoch from 20% to 5% falls in proportion to density "
                + "(4x, rewiring included)").verdict());
        assertEquals("missed", t.get("Rewire RigL epoch from 20% to 2% falls in proportion to density "
                + "(10x, rewiring included)").verdict(), "7x");
        assertEquals("met", t.get(MEMORY_DEFAULT).verdict());
        assertEquals("missed", t.get(MEMORY_AT_1).verdict());
        assertEquals("not measured",
                t.get("RigL 20% accuracy, standardized pixels: Rewire within 0.5 point of PyTorch").verdict());
        assertEquals("met", t.get("RigL 10% accuracy, standardized pixels: Rewire within 0.5 point of PyTorch").verdict());
        PeerSummary.Target oneAccuracy = t.get("RigL 1% accuracy, standardized pixels: Rewire within 0.5 point of PyTorch");
        assertEquals("1.000 points behind", oneAccuracy.measured());
        assertEquals("missed", oneAccuracy.verdict());
        PeerSummary.Target peers = t.get("RigL 1% accuracy, pixels x/255 (the peers'): Rewire within 0.5 point of PyTorch");
        assertEquals("0.300 points behind", peers.measured());
        assertEquals("met", peers.verdict());
    }

    @Test
    void memoryTargetsTakeTheUsersCommandAtItsDefaultAndAt1Percent() {
        Map<String, PeerSummary.Target> t = targets(new PeerSummary(RUNS, USER));
        PeerSummary.Target atDefault = t.get(MEMORY_DEFAULT);
        assertEquals("0.846 of PyTorch's (296 of 350 MiB)", atDefault.measured());
        assertEquals("met", atDefault.verdict());
        PeerSummary.Target atOne = t.get(MEMORY_AT_1);
        assertEquals("0.571 of PyTorch's (200 of 350 MiB)", atOne.measured());
        assertEquals("missed", atOne.verdict(), "more than half of PyTorch dense's");
        assertTrue(t.keySet().stream().noneMatch(n -> n.contains("tuned JVM") || n.contains("1/5")),
                "one memory claim per density, on the user's command: " + t.keySet());
        Map<String, PeerSummary.Target> without = targets(new PeerSummary(RUNS, List.of()));
        assertEquals("not measured", without.get(MEMORY_DEFAULT).verdict());
        assertEquals("not measured", without.get(MEMORY_AT_1).verdict());
        List<String> table = PeerTable.userCommands(new PeerSummary(RUNS, USER));
        assertEquals(5, table.size());
        assertEquals("| 100% | `./rewire train sparsity.recipe=dense sparsity.density=1` | 40.3 | 1100 | 212 | 350 | 3.143 | 0.606 |",
                table.get(2));
        assertEquals("| 10% | `./rewire train` | 40.0 | 296 | 240 | 355 | 0.846 | 0.686 |", table.get(3));
        assertEquals("| 1% | `./rewire train sparsity.density=0.01` | 14.5 | 200 | 60 | 355 | 0.571 | 0.171 |", table.get(4));
    }

    @Test
    void targetsWithoutBothSidesAreNotMeasured() {
        PeerSummary s = new PeerSummary(RUNS.stream().filter(r -> r.side().equals("rewire")).toList(), List.of());
        assertTrue(s.targets().stream().allMatch(t -> t.verdict().equals("not measured")), s.targets().toString());
        assertTrue(Double.isNaN(s.speedup(RUNS.get(2))));
    }

    @Test
    void tablesShowEveryRunAndTheTargets() {
        PeerSummary s = new PeerSummary(RUNS, USER);
        List<String> runs = PeerTable.runs(s);
        assertEquals(2 + RUNS.size(), runs.size());
        assertTrue(runs.stream().anyMatch(l -> l.startsWith("| rewire rigl 1% | 1 (rewire.threads) | 0.0100 | 0.545 "
                + "| 0.055 | **0.600** |") && l.contains("20.00x")), String.join("\n", runs));
        assertTrue(runs.getLast().startsWith("| torch rigl 1% (x/255) |"), "the peers' preprocessing last: "
                + runs.getLast());
        assertEquals(2 + 11, PeerTable.targets(s).size());
        assertEquals("0.5", PeerTable.percent(0.005));
        assertEquals("10", PeerTable.percent(0.1));
        assertEquals("2.35 T", PeerTable.flops(2.349e12));
        assertEquals("512", PeerTable.flops(512));
    }

    @Test
    void scaleTableExtrapolatesAnEpochFromPlainAndUpdateSteps() {
        // 466 plain steps at 20 s and 2 updates at 100 s: 9520 s, more than the hour the target allows
        ScaleResult rigl = new ScaleResult("rigl", 1_000_000, 110_015_680, 4.3e-5, 200, 20.0, 2, 100.0, 2, 468, 9000,
                "14336m");
        assertEquals(9520, rigl.epochSeconds(), 1e-9);
        List<String> rows = PeerTable.scale(List.of(rigl));
        assertTrue(rows.get(2).contains("| 9520 (extrapolated) |"), rows.get(2));
        List<String> targets = PeerTable.scaleTargets(List.of(rigl,
                new ScaleResult("set", 1_000_000, 110_015_680, 4.3e-5, 200, 5.0, 1, 60.0, 1, 468, 17_000, "14336m"),
                new ScaleResult("set", 100_000, 11_015_680, 5.5e-4, 468, 0.5, 1, 6.0, 1, 468, 1500, "4096m")));
        assertEquals(2 + 4, targets.size(), "two rows per dynamic run at the widest width: " + targets);
        assertTrue(targets.get(2).contains("158.7 min (extrapolated from 200 steps) | missed"), targets.get(2));
        assertTrue(targets.get(4).contains("| 39.9 min (extrapolated from 200 steps) | met"), targets.get(4));
        assertTrue(targets.get(5).contains("16.6 GB | missed"), targets.get(5));
        ScaleResult r = new ScaleResult("set", 100_000, 11_015_680, 5.5e-4, 20, 1.9, 0, Double.NaN, 1, 468, 1500,
                "4096m");
        assertTrue(Double.isNaN(r.epochSeconds()), "an update per epoch, none timed");
        assertEquals(r, ScaleResult.parse(ScaleResult.PREFIX + r.toCsv()));
    }
}

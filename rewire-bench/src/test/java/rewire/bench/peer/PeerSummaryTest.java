package rewire.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.bench.peer.PeerResultTest.result;

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
    private static final List<UserCommand> USER = List.of(
            new UserCommand(0.01, 950, 14.5, "./rewire train sparsity.density=0.01"),
            new UserCommand(1, 1100, 40.25, "./rewire train sparsity.recipe=dense sparsity.density=1"));

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
    }

    @Test
    void targetsAreRatiosOfTheSameRunWithRewiringIncluded() {
        Map<String, PeerSummary.Target> t = targets(new PeerSummary(RUNS, USER));
        assertEquals(8, t.size());
        PeerSummary.Target dense = t.get("Rewire dense epoch <= 1.25 x PyTorch dense's");
        assertEquals("0.833 x", dense.measured());
        assertEquals("met", dense.verdict());
        PeerSummary.Target ten = t.get("Rewire RigL 10% >= 5x faster than PyTorch dense (rewiring included)");
        assertEquals("6.000 x faster", ten.measured(), "12 s over 2 s, of which 0.18 s rewiring");
        assertEquals("met", ten.verdict());
        assertEquals("missed", t.get("Rewire RigL 1% >= 25x faster than PyTorch dense (rewiring included)").verdict(),
                "20x");
        assertEquals("met", t.get("RigL 10% accuracy, standardized pixels: Rewire within 0.5 point of PyTorch").verdict());
        PeerSummary.Target oneAccuracy = t.get("RigL 1% accuracy, standardized pixels: Rewire within 0.5 point of PyTorch");
        assertEquals("1.000 points behind", oneAccuracy.measured());
        assertEquals("missed", oneAccuracy.verdict());
        PeerSummary.Target peers = t.get("RigL 1% accuracy, pixels x/255 (the peers'): Rewire within 0.5 point of PyTorch");
        assertEquals("0.300 points behind", peers.measured());
        assertEquals("met", peers.verdict());
    }

    @Test
    void memoryTargetsNameTheUsersCommandAndTheTunedJvm() {
        Map<String, PeerSummary.Target> t = targets(new PeerSummary(RUNS, USER));
        PeerSummary.Target user = t.get("Rewire RigL 1% peak RSS <= 1/5 of PyTorch dense's, the command a user runs "
                + "(`./rewire train`, default JVM settings)");
        assertEquals("2.714 of PyTorch's", user.measured(), "950 of 350 MiB");
        assertEquals("missed", user.verdict());
        PeerSummary.Target tuned = t.get("Rewire RigL 1% peak RSS <= 1/5 of PyTorch dense's, the benchmark's tuned JVM");
        assertEquals("met", tuned.verdict(), "60 of 350 MiB");
        List<String> table = PeerTable.userCommands(new PeerSummary(RUNS, USER));
        assertEquals(4, table.size());
        assertEquals("| 100% | `./rewire train sparsity.recipe=dense sparsity.density=1` | 40.3 | 1100 | 212 | 350 | 3.143 | 0.606 |",
                table.get(2));
        assertEquals("| 1% | `./rewire train sparsity.density=0.01` | 14.5 | 950 | 60 | 355 | 2.714 | 0.171 |", table.get(3));
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
        assertEquals(2 + 8, PeerTable.targets(s).size());
        assertEquals("0.5", PeerTable.percent(0.005));
        assertEquals("10", PeerTable.percent(0.1));
        assertEquals("2.35 T", PeerTable.flops(2.349e12));
        assertEquals("512", PeerTable.flops(512));
    }

    @Test
    void scaleTableLabelsExtrapolation() {
        List<String> rows = PeerTable.scale(List.of(new ScaleResult(1_000_000, 110_015_680, 4.3e-5, 4, 20.0, 468, 9000,
                "14336m")));
        assertTrue(rows.get(2).contains("2000.0 (extrapolated)") && rows.get(2).contains("9360 (extrapolated)"),
                rows.get(2));
        ScaleResult r = new ScaleResult(100_000, 11_015_680, 5.5e-4, 20, 1.9, 468, 1500, "4096m");
        assertEquals(r, ScaleResult.parse(ScaleResult.PREFIX + r.toCsv()));
    }
}

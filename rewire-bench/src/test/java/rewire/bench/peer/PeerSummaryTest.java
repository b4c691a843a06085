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
    // PyTorch dense best at 12 s (1 thread); Rewire dense best at 10 s (2 threads); RigL runs
    private static final List<PeerResult> RUNS = List.of(
            result("torch", "dense", 1, "1", 12, 350, 0.880),
            result("torch", "dense", 1, "2 (OpenBLAS 1)", 12.5, 352, 0.880),
            result("rewire", "dense", 1, "1 (rewire.threads)", 13, 210, 0.879),
            result("rewire", "dense", 1, "2 (rewire.threads)", 10, 212, 0.879),
            result("rewire", "rigl", 0.1, "2 (rewire.threads)", 2, 240, 0.874),
            result("rewire", "rigl", 0.01, "1 (rewire.threads)", 0.6, 60, 0.850),
            result("torch", "rigl", 0.1, "1", 14, 355, 0.876),
            result("torch", "rigl", 0.01, "1", 13, 355, 0.860));

    @Test
    void bestSettingPerConfiguration() {
        PeerSummary s = new PeerSummary(RUNS);
        assertEquals(6, s.best().size());
        assertEquals("1", s.baseline().orElseThrow().setting());
        assertEquals(10, s.best("rewire", "dense", 1).orElseThrow().epochSeconds());
        assertEquals(1.2, s.speedup(s.best("rewire", "dense", 1).orElseThrow()), 1e-12);
        assertEquals(List.of(0.1, 0.01), s.sparseDensities("rewire"));
        assertEquals(Optional.empty(), s.best("rewire", "rigl", 0.5));
    }

    @Test
    void targetsAreRatiosOfTheSameRun() {
        List<PeerResult> runs = new java.util.ArrayList<>(RUNS);
        runs.add(result("rewire", "rigl", 0.2, "2 (rewire.threads)", 3.5, 250, 0.876));
        runs.add(result("rewire", "rigl", 0.02, "1 (rewire.threads)", 0.5, 70, 0.860));
        List<CommandRun> commands = List.of(new CommandRun("default", 0.1, 296, 40),
                new CommandRun("sparsity.density=0.01", 0.01, 200, 30));
        Map<String, PeerSummary.Target> t = new PeerSummary(runs, commands).targets().stream()
                .collect(Collectors.toMap(PeerSummary.Target::name, x -> x));
        assertEquals(12, t.size(), t.keySet().toString());
        PeerSummary.Target dense = t.get("Rewire dense epoch <= 1.25 x PyTorch dense's");
        assertEquals("0.833 x", dense.measured());
        assertEquals("met", dense.verdict());
        assertEquals("6.000 x faster", t.get("Rewire RigL 10% >= 5x faster than PyTorch dense").measured());
        assertEquals("met", t.get("Rewire RigL 10% >= 5x faster than PyTorch dense").verdict());
        assertEquals("missed", t.get("Rewire RigL 1% >= 30x faster than PyTorch dense").verdict(), "20x");
        PeerSummary.Target to10 = t.get("Rewire RigL epoch from 20% to 10% falls in proportion to density (2x)");
        assertEquals("1.750 x faster", to10.measured());
        assertEquals("missed", to10.verdict());
        assertEquals("not measured",
                t.get("Rewire RigL epoch from 20% to 5% falls in proportion to density (4x)").verdict());
        assertEquals("missed", t.get("Rewire RigL epoch from 20% to 2% falls in proportion to density (10x)").verdict(),
                "7x");
        PeerSummary.Target memory = t.get("rewire train (default) peak RSS <= PyTorch dense's");
        assertEquals("0.846 of PyTorch's (296 of 350 MiB)", memory.measured());
        assertEquals("met", memory.verdict());
        assertEquals("missed", t.get("rewire train sparsity.density=0.01 peak RSS <= 1/2 of PyTorch dense's").verdict(),
                "200 of 350 MiB");
        assertEquals("met", t.get("RigL 10% accuracy: Rewire within 0.5 point of PyTorch").verdict());
        PeerSummary.Target oneAccuracy = t.get("RigL 1% accuracy: Rewire within 0.5 point of PyTorch");
        assertEquals("1.000 points behind", oneAccuracy.measured());
        assertEquals("missed", oneAccuracy.verdict());
    }

    @Test
    void targetsWithoutBothSidesAreNotMeasured() {
        PeerSummary s = new PeerSummary(RUNS.stream().filter(r -> r.side().equals("rewire")).toList());
        assertTrue(s.targets().stream().allMatch(t -> t.verdict().equals("not measured")), s.targets().toString());
        assertTrue(Double.isNaN(s.speedup(RUNS.get(2))));
    }

    @Test
    void tablesShowEveryRunAndTheTargets() {
        PeerSummary s = new PeerSummary(RUNS);
        List<String> runs = PeerTable.runs(s);
        assertEquals(2 + RUNS.size(), runs.size());
        assertTrue(runs.stream().anyMatch(l -> l.startsWith("| rewire rigl 1% | 1 (rewire.threads) |")
                && l.contains("**0.600**") && l.contains("20.00x")), String.join("\n", runs));
        assertEquals(2 + 10, PeerTable.targets(s).size());
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

package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading JMH's JSON and the table of docs/benchmarks-rewire.md. */
class RewireBenchmarkReportTest {
    private static final double MIB = 1 << 20;

    private static String result(String op, String grower, double density, int threads, double ms, double allocBytes) {
        return """
            {"benchmark": "rewire.bench.RewireBenchmark.%s", "mode": "avgt", "threads": 1, "forks": 1,
             "jdkVersion": "25", "vmName": "OpenJDK 64-Bit Server VM", "vmVersion": "25+36", "jvmArgs": ["-Xmx4g"],
             "warmupIterations": 3, "warmupTime": "2 s", "measurementIterations": 5, "measurementTime": "2 s",
             "params": {"batch": "128", "density": "%s", "grower": "%s", "layer": "4096x4096", "threads": "%d"},
             "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "ms/op", "rawData": [[%s, %s]]},
             "secondaryMetrics": {"gc.alloc.rate": {"score": 1.0, "scoreUnit": "MB/sec"},
                                  "gc.alloc.rate.norm": {"score": %s, "scoreUnit": "B/op"}}}
            """.formatted(op, density, grower, threads, ms, 0.9 * ms, 1.1 * ms, allocBytes);
    }

    private static Path json(Path dir, String name, String... results) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "[" + String.join(",", results) + "]");
        return p;
    }

    @Test
    void readsTimesAllocationAndIterations(@TempDir Path dir) throws IOException {
        Path p = json(dir, "a.json", result("update", "gradient", 0.1, 2, 123.5, 5 * MIB),
                "{\"benchmark\": \"rewire.bench.SparseLinearBenchmark.step\"}");
        List<RewireBenchmarkResult> rs = RewireBenchmarkResult.read(p);
        assertEquals(1, rs.size());
        RewireBenchmarkResult r = rs.getFirst();
        assertEquals("update", r.op());
        assertEquals("gradient", r.grower());
        assertEquals(0.1, r.density());
        assertEquals(2, r.threads());
        assertEquals(123.5, r.ms());
        assertTrue(Double.isNaN(r.msError()));
        assertEquals(0.9 * 123.5, r.msMin());
        assertEquals(1.1 * 123.5, r.msMax());
        assertEquals(5 * MIB, r.allocBytes());
        assertEquals("3 x 2 s + 5 x 2 s", r.iterations());
        assertEquals(1_677_722, r.nnz());
    }

    @Test
    void tableSubtractsTheSetupBaselineAndComparesWithValuesAndDense(@TempDir Path dir) throws IOException {
        // 1% of 4096 x 4096: 167,772 connections, 0.64 MiB of values; dense 64 MiB
        Path p = json(dir, "a.json", result("freshLayer", "random", 0.01, 1, 0.5, 2 * MIB),
                result("update", "ch2", 0.01, 1, 40, 2 * MIB + 128 * MIB),
                result("update", "random", 0.01, 1, 20, 2 * MIB + 0.64 * MIB));
        RewireBenchmarkReport report = new RewireBenchmarkReport(RewireBenchmarkResult.read(p));
        report.write(new BenchmarkReport.Options(dir.resolve("out.md"), "bench/rewire.sh", "54a1177", "cpu", "0.5", null,
                List.of(p)),
                new LayerRun.Jvm("25", "vm", "25+36", "-Xmx4g", "avgt"));
        String md = report.markdown();
        int random = md.indexOf("| random (SET) | 4096x4096 | 1% | 167772 | 1 | 20.0 | n/a | 18.0–22.0 | 0.64 | 1.00 | 0.010 |");
        int ch = md.indexOf("| ch2 (CHT) | 4096x4096 | 1% | 167772 | 1 | 40.0 | n/a | 36.0–44.0 | 128 | 200 | 2.00 |");
        assertTrue(random > 0 && ch > random, md);
        assertTrue(md.contains("2.00 MiB per invocation"), md);
        assertTrue(md.contains("Command: `bench/rewire.sh` (git 54a1177)"), md);
    }

    @Test
    void noUpdateResultsIsAnError(@TempDir Path dir) throws IOException {
        Path p = json(dir, "a.json", result("freshLayer", "random", 0.01, 1, 0.5, 2 * MIB));
        List<RewireBenchmarkResult> rs = RewireBenchmarkResult.read(p);
        assertThrows(IllegalArgumentException.class, () -> new RewireBenchmarkReport(rs));
    }
}

package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GAN run's extra charts come from the numbers it logs: the balance ratio with the band its
 * configuration names, both densities, the primary score against FLOPs; a run without a balance
 * ratio gets none of them. The images a workload kept under plots/ are found beside the charts.
 */
class BalancePlotsTest {
    @TempDir
    Path dir;

    // a finished run whose train lines carry a GAN's status and whose config names ADAPT's band
    private Path ganRun() throws IOException {
        Path run = RunFixture.finished(dir.resolve("gan"), "gan-adapt");
        String json = Files.readString(run.resolve("run.json")).replace("\"hidden\": [1000, 1000]}",
                "\"balance\": {\"regime\": \"adapt-relax\", \"low\": 0.45, \"high\": 0.55}}");
        Files.writeString(run.resolve("run.json"), json);
        StringBuilder lines = new StringBuilder();
        for (int step = 10; step <= RunFixture.STEPS; step += 10) {
            lines.append(String.format(Locale.ROOT, "{\"step\": %d, \"split\": \"train\", \"loss\": 1.2, "
                    + "\"balanceRatio\": %.3f, \"dDensity\": %.3f, \"gDensity\": 0.1}%n", step, 0.3 + step / 1000.0,
                    0.1 + step / 3000.0));
        }
        Files.writeString(run.resolve("metrics.jsonl"), Files.readString(run.resolve("metrics.jsonl")) + lines);
        return run;
    }

    @Test
    void aGanRunGetsTheBalanceRatioWithItsBandBothDensitiesAndItsScoreAgainstFlops() throws IOException {
        List<Plot> plots = BalancePlots.render(RunReader.read(ganRun()));
        assertEquals(List.of("balance-ratio.png", "densities.png", "accuracy-vs-flops.png"),
                plots.stream().map(Plot::fileName).toList());
        assertTrue(plots.get(0).caption().contains("rises at or above the band"), plots.get(0).caption());
        assertTrue(plots.get(2).title().startsWith("test accuracy"), plots.get(2).title());
    }

    @Test
    void aRunWithoutABalanceRatioGetsNone() throws IOException {
        assertEquals(List.of(), BalancePlots.render(RunReader.read(RunFixture.finished(dir.resolve("mlp"), "mlp"))));
    }

    @Test
    void imagesTheWorkloadKeptAreFoundBesideTheCharts() throws IOException {
        Path run = ganRun();
        Path plots = run.resolve("plots");
        Files.createDirectories(plots);
        Files.write(plots.resolve("samples-0000500.png"), new byte[] {1, 2});
        Files.write(plots.resolve("samples-0001000.png"), new byte[] {3});
        List<Plot> rendered = Plots.render(RunReader.read(run));
        Plots.write(rendered, plots);
        List<Plot> kept = Plots.kept(plots, rendered);
        assertEquals(List.of("samples-0000500.png", "samples-0001000.png"), kept.stream().map(Plot::fileName).toList());
        assertEquals("samples after step 500", kept.get(0).title());
        assertEquals("notes.png", Plots.keptTitle("notes.png"));
    }
}

package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload's live numbers in families (a learner's density and dormant ratio per module) get a
 * chart each, against environment steps; lone keys and the loop's own keys get none; an
 * evaluation that reports its spread draws bars around its mean.
 */
class StatusFamiliesTest {
    @TempDir
    Path dir;

    @Test
    void familiesOfTwoOrMoreKeysBecomeChartsAndLoneKeysDoNot() {
        List<MetricPoint> points = List.of(new MetricPoint(10, 0, Map.of("loss", 1.0, "samplesPerSecond", 5.0,
                "envSteps", 100.0, "densityCritic", 0.4, "densityActor", 0.4, "dormantCritic", 0.1, "winRate", 0.2,
                "encoderLoss", 0.3, "lr.critic", 1e-3, "lr.actor", 1e-3)));
        assertEquals(Map.of("density", Set.of("densityActor", "densityCritic")), StatusFamilies.families(points));
    }

    @Test
    void aLearnersReportHasAChartPerFamilyAndBarsOnItsReturn() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"r\", \"status\": \"finished\", \"scores\": "
                + "[{\"key\": \"return\", \"label\": \"evaluation return\", \"direction\": \"HIGHER_IS_BETTER\", "
                + "\"percent\": false}]}");
        Files.writeString(dir.resolve("metrics.jsonl"), """
                {"step": 5, "split": "train", "steps": 5, "loss": 0.5, "envSteps": 50, "dormantCritic": 0.1, "dormantActor": 0.2}
                {"step": 10, "split": "train", "steps": 5, "loss": 0.4, "envSteps": 100, "dormantCritic": 0.2, "dormantActor": 0.1}
                {"step": 10, "split": "greedy episodes", "return": -300, "returnStd": 40, "envSteps": 100}
                """);
        RunData run = RunReader.read(dir);
        List<Plot> families = StatusFamilies.render(run);
        assertEquals(1, families.size());
        assertEquals("status-dormant.png", families.get(0).fileName());
        assertEquals("Dormant", families.get(0).title());
        Plot returns = MetricPlots.render(run).stream().filter(p -> p.fileName().equals("return.png")).findFirst()
                .orElseThrow();
        assertTrue(returns.caption().contains("bars show the mean ± one standard deviation"), returns.caption());
    }
}

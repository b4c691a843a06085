package rewire.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricPlotsTest {
    @TempDir
    Path dir;

    private static MetricPoint train(long step, double steps) {
        return new MetricPoint(step, 0, Double.isNaN(steps) ? Map.of("loss", 1.0) : Map.of("loss", 1.0, "steps", steps));
    }

    @Test
    void theLastWindowOfARunThatIsNotAMultipleOfLogEveryIsShorter() {
        List<MetricPoint> points = List.of(train(20, 20), train(40, 20), train(50, 10));
        assertEquals(List.of(points.get(2)), MetricPlots.shorterWindows(points));
        assertEquals(List.of(), MetricPlots.shorterWindows(points.subList(0, 2)), "whole windows only");
        assertEquals(List.of(), MetricPlots.shorterWindows(List.of(train(20, Double.NaN), train(25, Double.NaN))),
                "lines written before \"steps\" existed are all drawn on the line");
    }

    @Test
    void windowedCurvesDrawTheShortWindowApartAndSaySoTheLearningRateDoesNot() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"w\", \"status\": \"finished\"}");
        Files.writeString(dir.resolve("metrics.jsonl"), """
                {"step": 20, "split": "train", "steps": 20, "loss": 4.0, "lr": 0.0002}
                {"step": 40, "split": "train", "steps": 20, "loss": 3.8, "lr": 0.0004}
                {"step": 50, "split": "train", "steps": 10, "loss": 3.3, "lr": 0.0005}
                """);
        Map<String, Plot> plots = byFile(MetricPlots.render(RunReader.read(dir)));
        assertTrue(plots.get("loss.png").caption().contains("drawn apart"), plots.get("loss.png").caption());
        assertFalse(plots.get("lr.png").caption().contains("drawn apart"), "a learning rate is no window mean");
    }

    @Test
    void aLearnersScoresAgainstEnvironmentStepsAreItsStatusAndStayOnTheLine() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"m\", \"status\": \"finished\", \"scores\": "
                + "[{\"key\": \"winRate\", \"label\": \"test win rate\", \"direction\": \"HIGHER_IS_BETTER\", "
                + "\"percent\": true}]}");
        Files.writeString(dir.resolve("metrics.jsonl"), """
                {"step": 7, "split": "train", "steps": 7, "loss": 0.56, "envSteps": 654, "winRate": 0.1}
                {"step": 9, "split": "train", "steps": 2, "loss": 0.41, "envSteps": 700, "winRate": 0.2}
                {"step": 9, "split": "test", "winRate": 0.25, "envSteps": 700}
                """);
        Map<String, Plot> plots = byFile(MetricPlots.render(RunReader.read(dir)));
        assertTrue(plots.get("loss.png").caption().contains("drawn apart"), "the loss is a window mean");
        assertFalse(plots.get("winRate.png").caption().contains("drawn apart"), plots.get("winRate.png").caption());
    }

    @Test
    void aRunOfWholeWindowsHasNoNote() throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"w\", \"status\": \"finished\"}");
        Files.writeString(dir.resolve("metrics.jsonl"), """
                {"step": 20, "split": "train", "steps": 20, "loss": 4.0}
                {"step": 40, "split": "train", "steps": 20, "loss": 3.8}
                """);
        assertFalse(byFile(MetricPlots.render(RunReader.read(dir))).get("loss.png").caption().contains("apart"));
    }

    @Test
    void axisTicksKeepTheSignificantDigitsOfSmallValues() {
        var ticks = ChartStyle.lineChart("Learning rate", "step", "learning rate").getStyler()
                .getYAxisTickLabelsFormattingFunction();
        assertEquals("0.0002", ticks.apply(0.0002), "a learning rate of 2e-4 is not 0.0");
        assertEquals("3.9", ticks.apply(3.9000000000000004));
        assertEquals("100", ticks.apply(100.0));
    }

    private static Map<String, Plot> byFile(List<Plot> plots) {
        return plots.stream().collect(java.util.stream.Collectors.toMap(Plot::fileName, p -> p));
    }
}

package rewire.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rewire.io.Json;
import rewire.train.RunFolder;

/**
 * Reads a run folder (format: docs/run-folder.md; written by {@link RunFolder}) into a
 * {@link RunData}. Only run.json is required; metrics.jsonl and rewire.jsonl may be missing (a run that has not logged yet), and
 * run.json may lack its summary (a run in progress).
 */
public final class RunReader {
    private static final Pattern LINE = Pattern.compile("at line (\\d+)");

    private RunReader() {
    }

    /**
     * Reads {@code folder}.
     *
     * @throws NoSuchFileException when the folder has no run.json
     * @throws RunFormatException  naming file and line when a file is malformed
     */
    public static RunData read(Path folder) throws IOException {
        Path runFile = folder.resolve(RunFolder.RUN_JSON);
        if (!Files.isRegularFile(runFile)) {
            throw new NoSuchFileException(runFile.toString(), null, "missing, so " + folder + " is not a run folder");
        }
        RunJson run = RunJson.of(parseDocument(runFile), folder);
        return new RunData(folder, run.name(), run.status(), run.startedAt(), run.finishedAt(), run.seed(),
                run.gitRevision(), run.environment(), run.config(), run.layers(), run.summary(),
                run.connectivity(), readMetrics(folder.resolve(RunFolder.METRICS)),
                readRewires(folder.resolve(RunFolder.REWIRE)), run.score());
    }

    private static JsonFields parseDocument(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Object value;
        try {
            value = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RunFormatException(file, lineOf(e.getMessage()), "malformed JSON: " + e.getMessage());
        }
        return JsonFields.of(value, file, 0);
    }

    // Json names the line of a defect ("JSON at line 3, column 13: ..."), or none
    private static int lineOf(String message) {
        Matcher m = LINE.matcher(String.valueOf(message));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static Map<String, List<MetricPoint>> readMetrics(Path file) throws IOException {
        Map<String, List<MetricPoint>> bySplit = new LinkedHashMap<>();
        for (JsonFields line : JsonLines.read(file)) {
            MetricPoint point = new MetricPoint(line.requiredCount("step"), line.count("epoch").orElse(-1),
                    line.number("loss"), line.number("accuracy"), line.number("lr"), line.number("samplesPerSecond"),
                    line.number("elapsedSeconds"), line.number("trainingFlops"), line.number("envSteps"),
                    line.number("return"));
            bySplit.computeIfAbsent(line.requiredString("split"), k -> new ArrayList<>()).add(point);
        }
        return bySplit;
    }

    private static Map<String, List<RewireEvent>> readRewires(Path file) throws IOException {
        Map<String, List<RewireEvent>> byLayer = new LinkedHashMap<>();
        for (JsonFields line : JsonLines.read(file)) {
            long step = line.requiredCount("step");
            for (JsonFields layer : line.objects("layers")) {
                RewireEvent event = new RewireEvent(step, layer.count("pruned").orElse(0),
                        layer.count("grown").orElse(0), layer.count("regrown").orElse(0),
                        layer.count("nnz").orElse(-1), layer.number("density"), layer.number("explorationRate"),
                        layer.string("representation", ""));
                byLayer.computeIfAbsent(layer.requiredString("name"), k -> new ArrayList<>()).add(event);
            }
        }
        return byLayer;
    }
}

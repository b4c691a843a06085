package rewire.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.run.RunFolder;
import rewire.run.RunRecord;

/**
 * Reads a run folder (format: docs/run-folder.md; written by {@link RunFolder}) into a
 * {@link RunData}. Only run.json is required; metrics.jsonl and rewire.jsonl may be missing (a run
 * that has not logged yet), and run.json may lack its summary (a run in progress).
 */
public final class RunReader {
    private RunReader() {
    }

    /**
     * Reads {@code folder}.
     *
     * @throws NoSuchFileException when the folder has no run.json
     * @throws IOException         naming file and line when a file is malformed
     */
    public static RunData read(Path folder) throws IOException {
        Path runFile = folder.resolve(RunFolder.RUN_JSON);
        if (!Files.isRegularFile(runFile)) {
            throw new NoSuchFileException(runFile.toString(), null, "missing, so " + folder + " is not a run folder");
        }
        return new RunData(folder, RunRecord.read(runFile), readMetrics(folder.resolve(RunFolder.METRICS)),
                readRewires(folder.resolve(RunFolder.REWIRE)));
    }

    private static Map<String, List<MetricPoint>> readMetrics(Path file) throws IOException {
        Map<String, List<MetricPoint>> bySplit = new LinkedHashMap<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : line.fields().entrySet()) {
                if (e.getValue() instanceof Number n && !e.getKey().equals("step") && !e.getKey().equals("epoch")) {
                    values.put(e.getKey(), n.doubleValue());
                }
            }
            long epoch = line.fields().containsKey("epoch") ? JsonLines.count(file, line, "epoch") : -1;
            MetricPoint point = new MetricPoint(JsonLines.count(file, line, "step"), epoch, values);
            String split = JsonLines.text(line, "split", null);
            if (split == null) {
                throw new RunFormatException(file, line.number(), "a metrics line needs a \"split\"");
            }
            bySplit.computeIfAbsent(split, k -> new ArrayList<>()).add(point);
        }
        return bySplit;
    }

    private static Map<String, List<RewireEvent>> readRewires(Path file) throws IOException {
        Map<String, List<RewireEvent>> byLayer = new LinkedHashMap<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            long step = JsonLines.count(file, line, "step");
            Object layers = line.fields().get("layers");
            if (!(layers instanceof List<?> list)) {
                throw new RunFormatException(file, line.number(), "a rewire line needs a \"layers\" list");
            }
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
                    throw new RunFormatException(file, line.number(), "each layer needs a \"name\": " + item);
                }
                @SuppressWarnings("unchecked")
                JsonLines.Line layer = new JsonLines.Line(line.number(), (Map<String, Object>) m);
                RewireEvent event = new RewireEvent(step, (long) orZero(file, layer, "pruned"),
                        (long) orZero(file, layer, "grown"), (long) orZero(file, layer, "regrown"),
                        layer.fields().containsKey("nnz") ? JsonLines.count(file, layer, "nnz") : -1,
                        JsonLines.number(file, layer, "density"), JsonLines.number(file, layer, "explorationRate"),
                        JsonLines.text(layer, "representation", ""));
                byLayer.computeIfAbsent(name, k -> new ArrayList<>()).add(event);
            }
        }
        return byLayer;
    }

    private static double orZero(Path file, JsonLines.Line line, String key) throws RunFormatException {
        double v = JsonLines.number(file, line, key);
        return Double.isNaN(v) ? 0 : v;
    }
}

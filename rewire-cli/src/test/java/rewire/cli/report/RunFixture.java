package rewire.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import rewire.io.Json;

/**
 * Writes synthetic run folders in the documented format (docs/run-folder.md), as literal JSON
 * text so the tests also pin the format, not only this reader's idea of it.
 */
final class RunFixture {
    static final int STEPS = 300;

    private RunFixture() {
    }

    /**
     * A finished run: summary, two sparse layers that start dense and a dense one, MST-like density,
     * 28x28 connectivity.
     */
    static Path finished(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("run.json"), runJson(name, "finished", true));
        Files.writeString(dir.resolve("metrics.jsonl"), metrics(STEPS));
        Files.writeString(dir.resolve("rewire.jsonl"), rewires(STEPS));
        return dir;
    }

    /** A run in progress: no summary and no connectivity yet, metrics so far, the last line half written. */
    static Path inProgress(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("run.json"), runJson("rigl-mlp", "running", false));
        Files.writeString(dir.resolve("metrics.jsonl"), metrics(150) + "{\"step\": 160, \"epoch\": 1, \"spl");
        return dir;
    }

    static String runJson(String name, String status, boolean finished) {
        String summary = """
                ,"finishedAt": "2026-11-22T15:41:01Z",
                "summary": {"scoreKey": "accuracy", "scoreLabel": "test accuracy", "score": 0.885,
                  "evaluation": {"accuracy": 0.885, "loss": 0.33}, "bestStep": 300, "bestScore": 0.885,
                  "epochs": 3, "steps": 300, "parameters": 2797010, "nnz": 279701, "density": 0.1,
                  "trainingFlops": 1.2e12, "denseTrainingFlops": 9.9e12, "trainingFlopsRatio": 0.1212,
                  "inferenceFlops": 5.8e5, "denseInferenceFlops": 5.8e6, "inferenceFlopsRatio": 0.1,
                  "wallClockSeconds": 61.2, "samplesPerSecond": 2940, "sampleUnit": "examples",
                  "peakHeapBytes": 812000000, "peakRssBytes": 1020000000},
                "connectivity": {"layer": "fc1", "shape": [28, 28], "counts": [%s]}
                """.formatted(connectivityCounts());
        return """
                {"name": %s, "status": "%s", "startedAt": "2026-11-22T15:40:00Z", "seed": 42,
                 "gitRevision": "54a1177",
                 "environment": {"jdk": "OpenJDK 25", "cpu": "Test CPU @ 2.8GHz", "cores": 2,
                   "kernelProvider": "vector", "kernelReason": "Vector API present", "vectorWidth": 16,
                   "blas": "OpenBLAS 0.3.21", "threads": 2},
                 "workload": "mlp-fashion-mnist", "sampleUnit": "examples",
                 "groups": [{"name": "model", "recipe": "mst", "density": 0.1, "frozen": false}],
                 "scores": [{"key": "accuracy", "label": "test accuracy", "direction": "HIGHER_IS_BETTER",
                   "percent": true}, {"key": "loss", "label": "test loss", "direction": "LOWER_IS_BETTER",
                   "percent": false}],
                 "warnings": [],
                 "config": {"train": {"epochs": 3, "lr": 0.01}, "sparsity": {"method": "mst", "density": 0.1},
                   "hidden": [1000, 1000]},
                 "layers": [
                   {"name": "fc1", "group": "model", "kind": "sparse", "in": 784, "out": 1000, "nnz": 78400,
                    "density": 0.1, "representation": "CSR", "initialNnz": 784000},
                   {"name": "fc2", "group": "model", "kind": "sparse", "in": 1000, "out": 1000, "nnz": 100000,
                    "density": 0.1, "representation": "CSR", "initialNnz": 1000000},
                   {"name": "out", "group": "model", "kind": "dense", "in": 1000, "out": 10, "nnz": 10000,
                    "density": 1.0, "representation": "DENSE_MASKED", "initialNnz": 10000}]
                 %s}
                """.formatted(jsonString(name), status, finished ? summary : "");
    }

    // Train lines every 10 steps with falling loss and cumulative FLOPs; a test line every 100 steps.
    static String metrics(int lastStep) {
        StringBuilder sb = new StringBuilder();
        for (int step = 10; step <= lastStep; step += 10) {
            double loss = 0.3 + 2.0 * Math.exp(-step / 80.0);
            double accuracy = 0.88 - 0.7 * Math.exp(-step / 70.0);
            sb.append(String.format(Locale.ROOT, "{\"step\": %d, \"epoch\": %d, \"split\": \"train\", "
                    + "\"steps\": 10, \"loss\": %.4f, \"accuracy\": %.4f, \"lr\": 0.01, \"samplesPerSecond\": 2900.5, "
                    + "\"elapsedSeconds\": %.2f, \"trainingFlops\": %.4e}%n", step, step / 100, loss, accuracy,
                    step * 0.2, step * 4.0e9));
            if (step % 100 == 0) {
                sb.append(String.format(Locale.ROOT, "{\"step\": %d, \"epoch\": %d, \"split\": \"test\", "
                        + "\"loss\": %.4f, \"accuracy\": %.4f, \"elapsedSeconds\": %.2f, \"trainingFlops\": %.4e}%n",
                        step, step / 100, loss + 0.05, accuracy - 0.01, step * 0.2 + 1, step * 4.0e9));
            }
        }
        return sb.toString();
    }

    // MST-like: from dense (run.json's initial nnz), each sparse layer's density falls from 10% to 4% at
    // mid-run, then rises back.
    static String rewires(int lastStep) {
        StringBuilder sb = new StringBuilder();
        for (int step = 25; step <= lastStep; step += 25) {
            double t = (double) step / lastStep;
            double density = t < 0.5 ? 0.10 - 0.12 * t : 0.04 + 0.12 * (t - 0.5);
            sb.append(String.format(Locale.ROOT, "{\"step\": %d, \"layers\": ["
                    + "{\"name\": \"fc1\", \"pruned\": 100, \"grown\": 90, \"regrown\": 3, \"nnz\": %d, "
                    + "\"density\": %.5f, \"explorationRate\": 0.1, \"representation\": \"CSR\"}, "
                    + "{\"name\": \"fc2\", \"pruned\": 120, \"grown\": 110, \"nnz\": %d, \"density\": %.5f}]}%n",
                    step, Math.round(density * 784000), density, Math.round(density * 1e6), density));
        }
        return sb.toString();
    }

    // Centre pixels keep many connections, the border none (as DST does on Fashion-MNIST).
    static String connectivityCounts() {
        StringJoiner counts = new StringJoiner(", ");
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                double d2 = (r - 13.5) * (r - 13.5) + (c - 13.5) * (c - 13.5);
                counts.add(Long.toString(d2 > 120 ? 0 : Math.round(120 * Math.exp(-d2 / 60))));
            }
        }
        return counts.toString();
    }

    /** {@code text} as a JSON string literal. */
    static String jsonString(String text) {
        return Json.write(text);
    }
}

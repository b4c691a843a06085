package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.data.IdxFiles;
import rewire.run.RunFolder;
import rewire.run.RunRecord;

/**
 * {@code rewire train} in a JVM of its own, stopped by SIGTERM (what a cluster sends a preempted
 * job, and what Ctrl-C's SIGINT does alike): it finishes the step in flight, writes a checkpoint,
 * marks run.json "stopped", prints the command that resumes it and exits with 143; the resumed run
 * then trains to the end.
 */
class StopOnSignalTest {
    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheRunWithACheckpointAndAResumeCommand() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        IdxFiles.writeFashionMnistLike(data, 256, 64);
        Path runs = dir.resolve("runs");
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "rewire.cli.Main", "train", "data.dir=" + data,
                "train.runs=" + runs, "train.epochs=400", "train.logEvery=1", "model.hidden=[32]",
                "data.batchSize=32", "sparsity.options=[deltaT=4]"))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            Path metrics = waitFor(runs, RunFolder.METRICS, p);
            while (Files.readAllLines(metrics).size() < 3 && p.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(p.isAlive(), "the run ended before the signal: " + Files.readString(out));
            p.destroy();                                            // SIGTERM
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not stop");
        } finally {
            p.destroyForcibly();
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(143, p.exitValue(), printed);
        Path folder = CliRun.onlyRun(runs);
        RunRecord record = RunRecord.read(folder.resolve(RunFolder.RUN_JSON));
        assertEquals(RunRecord.STOPPED, record.status(), printed);
        assertTrue(printed.contains("rewire resume " + folder), printed);
        long step = record.summary().steps();
        assertTrue(Files.isRegularFile(RunFolder.open(folder).checkpoint(step)), "a checkpoint at step " + step);

        CliRun cli = new CliRun();
        assertEquals(0, cli.run("resume", folder.toString(), "train.epochs=" + (step / 8 + 1)), cli.err());
        assertTrue(cli.out().contains("Resuming   from step " + step), cli.out());
        assertEquals(RunRecord.FINISHED, RunRecord.read(folder.resolve(RunFolder.RUN_JSON)).status());
    }

    // waits until the run folder and its file exist
    private static Path waitFor(Path runs, String file, Process p) throws IOException, InterruptedException {
        while (p.isAlive()) {
            if (Files.isDirectory(runs)) {
                try (Stream<Path> folders = Files.list(runs)) {
                    Path found = folders.map(f -> f.resolve(file)).filter(Files::exists).findFirst().orElse(null);
                    if (found != null) {
                        return found;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run ended before writing " + file);
    }
}

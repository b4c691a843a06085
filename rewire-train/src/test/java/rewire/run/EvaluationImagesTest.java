package rewire.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.kernel.Kernels;
import rewire.train.Evaluation;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.StepContext;
import rewire.train.StepResult;
import rewire.train.Workload;

/** The images a workload keeps from its evaluations land in the run folder's plots/, one set per evaluation. */
class EvaluationImagesTest {
    private static final int EPOCHS = 3;

    @TempDir
    Path runs;

    /** TinyWorkload that keeps an "image" naming the step of each evaluation, under a name of the workload's choice. */
    private record Imaging(TinyWorkload tiny, String name) implements Workload {
        @Override
        public String name() {
            return tiny.name();
        }

        @Override
        public List<ParamGroup> groups() {
            return tiny.groups();
        }

        @Override
        public long stepsPerEpoch() {
            return tiny.stepsPerEpoch();
        }

        @Override
        public StepResult step(StepContext context) {
            return tiny.step(context);
        }

        @Override
        public List<Score> scores() {
            return tiny.scores();
        }

        @Override
        public Evaluation evaluate(long stepsDone) {
            return tiny.evaluate(stepsDone);
        }

        @Override
        public Map<String, byte[]> evaluationImages(long stepsDone) {
            return Map.of(String.format(name, stepsDone), new byte[] {(byte) stepsDone});
        }
    }

    private TrainingRun start(String imageName) throws IOException {
        Imaging w = new Imaging(new TinyWorkload(EPOCHS * TinyWorkload.STEPS_PER_EPOCH), imageName);
        return TrainingRun.start(new RunSpec("images", 7, "", Map.of(), w,
                new LoopSettings(EPOCHS, 2, 0, 0, 3, 0, runs), List.of()), Kernels.defaults(), null);
    }

    @Test
    void everyEvaluationsImagesAreWrittenUnderPlots() throws IOException {
        TrainingRun run = start("samples-%06d.png");
        run.run();
        Path plots = run.folder().path(RunFolder.PLOTS);
        try (Stream<Path> files = Files.list(plots)) {
            assertEquals(List.of("samples-000006.png", "samples-000012.png", "samples-000018.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(new byte[] {12}, Files.readAllBytes(plots.resolve("samples-000012.png")));
    }

    @Test
    void anImageNameThatIsNotAPlainPngFileFailsTheRun() throws IOException {
        TrainingRun run = start("../escape-%d.png");
        assertThrows(IllegalStateException.class, run::run);
    }
}

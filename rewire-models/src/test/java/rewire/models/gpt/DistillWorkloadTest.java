package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.kernel.Kernels;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.optim.Slots;
import rewire.run.LoopSettings;
import rewire.run.RunCheckpoint;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.sparse.SparsityPattern;
import rewire.train.Hook;
import rewire.train.SparsityHooks;
import rewire.train.SparsitySettings;
import rewire.train.StepResult;
import rewire.train.TrainState;
import rewire.train.Trainer;

/** Expert-wise distillation (METHODS.md H.2): lambda balances the two terms at step 0 and stays; teacher and mask stay fixed. */
class DistillWorkloadTest {
    @TempDir
    static Path dir;
    private static Path teacherRun;

    @BeforeAll
    static void trainTeacher() throws IOException {
        Path text = dir.resolve("text.txt");
        Files.writeString(text, GptTraceTest.TEXT);
        RunSpec spec = GptRuns.spec(config(new SparsitySettings("dense", 1, List.of()), Optional.empty(), text),
                GptTraceTest.TEXT, Kernels.defaults());
        TrainingRun run = TrainingRun.start(spec, Kernels.defaults(), p -> { });
        run.run();
        teacherRun = run.folder().dir();
    }

    // the tiny MoE GPT on the text file, trained for 4 steps, with runs under dir and an optional teacher
    private static GptConfig config(SparsitySettings sparsity, Optional<Path> teacher, Path text) {
        GptConfig c = GptMoeTest.tinyMoe(sparsity, 3, 2);
        GptDataSettings d = c.data();
        return new GptConfig(c.workload(), "distill-test", c.seed(), c.model(), new GptDataSettings(Optional.of(text),
                d.trainFraction(), d.batchSize(), 2, d.evalBatches(), d.evalBlocks(),
                d.vocabulary()),
                new LoopSettings(2, 1, 0, 0, 3, 0, dir.resolve("runs")), c.optim(), sparsity, c.dist(),
                new DistillSettings(teacher, Optional.empty()));
    }

    private static DistillWorkload student() {
        RunSpec spec = GptRuns.spec(config(new SparsitySettings("static", 0.5, List.of("distribution=uniform")),
                Optional.of(teacherRun), dir.resolve("text.txt")), GptTraceTest.TEXT, Kernels.defaults());
        return (DistillWorkload) spec.workload();
    }

    private record Step(double crossEntropy, double expertMse, double lambda) {
    }

    private static List<Step> train(DistillWorkload w, long from, long to, Slots slots) {
        List<Step> steps = new ArrayList<>();
        List<Hook> hooks = new ArrayList<>(SparsityHooks.of(w, 3, Kernels.defaults(), null).all());
        hooks.add(new Hook() {
            @Override
            public void afterStep(TrainState state, StepResult r) {
                steps.add(new Step(r.metrics().get("crossEntropy"), r.metrics().get("expertMse"), r.metrics().get("lambda")));
            }
        });
        new Trainer(w, hooks, Kernels.defaults()).run(new TrainState(w, slots, from, to));
        return steps;
    }

    @Test
    void lambdaMakesTheTwoTermsEqualAtTheFirstStepAndStaysSo() {
        DistillWorkload w = student();
        List<Step> steps = train(w, 0, 4, new Slots());
        Step first = steps.get(0);
        assertTrue(first.expertMse() > 0, "a fresh student differs from its teacher");
        assertEquals(first.crossEntropy(), first.lambda() * first.expertMse(), 1e-4 * first.crossEntropy());
        for (Step s : steps) {
            assertEquals(first.lambda(), s.lambda(), 0.0, "lambda is frozen after step 0");
        }
    }

    @Test
    void theTeacherAndTheStudentsMaskStayFixedAndLambdaSurvivesACheckpoint() throws IOException {
        DistillWorkload w = student();
        float[] teacherBefore = values(w.groups().get(1).params());
        List<SparsityPattern> masks = masks(w);
        Slots slots = new Slots();
        train(w, 0, 2, slots);
        assertArrayEquals(teacherBefore, values(w.groups().get(1).params()));
        assertEquals(masks, masks(w));
        Path file = dir.resolve("distill.ckpt");
        RunCheckpoint.save(file, new TrainState(w, slots, 2, 4), List.of());
        DistillWorkload resumed = student();
        RunCheckpoint.restore(file, resumed, new Slots(), List.of());
        assertEquals(w.lambda(), resumed.lambda(), 0.0);
        assertArrayEquals(teacherBefore, values(resumed.groups().get(1).params()));
    }

    private static List<SparsityPattern> masks(DistillWorkload w) {
        return w.groups().get(0).sparseLayers().stream().map((SparseLinear l) -> l.weight().pattern()).toList();
    }

    private static float[] values(List<Param> params) {
        int n = params.stream().mapToInt(Param::size).sum();
        float[] all = new float[n];
        int at = 0;
        for (Param p : params) {
            System.arraycopy(p.values(), 0, all, at, p.size());
            at += p.size();
        }
        return all;
    }
}

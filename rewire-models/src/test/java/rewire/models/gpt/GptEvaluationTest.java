package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.autodiff.AttentionMask;
import rewire.dist.DistSettings;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptModelSettings.SparseAttention;
import rewire.models.moe.MoeSettings;
import rewire.optim.Slots;
import rewire.run.LoopSettings;
import rewire.run.RunCheckpoint;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.train.Evaluation;
import rewire.train.SparsitySettings;

/**
 * Evaluation after training and evaluation of the saved checkpoint (what {@code rewire eval}
 * does) use the attention the last training step used: a run whose sparse-attention window lasts
 * to its end is evaluated with the sparse mask both times, and the two losses are equal.
 */
class GptEvaluationTest {
    @TempDir
    Path runs;

    private RunSpec spec() {
        return spec(2, GptDataSettings.EvalBlocks.RANDOM);
    }

    private RunSpec spec(int batchSize, GptDataSettings.EvalBlocks evalBlocks) {
        GptModelSettings model = new GptModelSettings(1, 2, 8, 8, 0.02, 0.35, SparseAttention.LOCAL, 2, 0.25, 1.0,
                MoeSettings.defaults());
        GptDataSettings data = new GptDataSettings(java.util.Optional.of(Path.of("unused")), 0.9, batchSize, 8,
                2, evalBlocks, List.of());
        GptConfig config = new GptConfig(GptConfig.WORKLOAD, "tiny", 5, model, data,
                new LoopSettings(2, 4, 0, 0, 3, 0, runs), GptTraceTest.tiny(
                new SparsitySettings("dense", 1, List.of()), SparseAttention.NONE).optim(),
                new SparsitySettings("dense", 1, List.of()), DistSettings.defaults(), DistillSettings.defaults());
        return GptRuns.spec(config, GptTraceTest.TEXT, Kernels.defaults());
    }

    @Test
    void theCheckpointEvaluatesAsTheRunDidWithItsLastMask() throws IOException {
        RunSpec trained = spec();
        TrainingRun run = TrainingRun.start(trained, Kernels.defaults(), null);
        double runLoss = run.run().summary().value("loss");

        RunSpec fresh = spec();
        GptWorkload w = (GptWorkload) fresh.workload();
        long step = RunCheckpoint.restore(run.folder().lastCheckpoint(), w, new Slots(), List.of());
        assertEquals(AttentionMask.named("local", 2), w.attentionAfter(step), "the window reaches the end");
        w.model().eval();
        Evaluation e = w.evaluate(step);
        assertEquals(runLoss, e.get("loss"), 0.0, "rewire eval reports the run's own validation loss");

        w.model().setAttentionMask(AttentionMask.causal());
        assertNotEquals(runLoss, w.evaluate(0).get("loss"), "dense causal attention would give another loss");
    }

    @Test
    void theWholeValidationSplitScoresEveryBlockOnceWhateverTheBatch() {
        GptWorkload two = (GptWorkload) spec(2, GptDataSettings.EvalBlocks.ALL).workload();
        GptWorkload three = (GptWorkload) spec(3, GptDataSettings.EvalBlocks.ALL).workload();
        Evaluation a = two.evaluate(0);
        Evaluation b = three.evaluate(0);
        int text = CharTokenizer.fromText(GptTraceTest.TEXT).encode(GptTraceTest.TEXT).length;
        int validation = text - (int) (text * 0.9);
        assertEquals((validation - 1) / 8 * 8, a.samples(), "every whole block of 8 + 1 characters, once");
        assertEquals(a.samples(), b.samples());
        // the same untrained weights (same seed): batches of 2 or 3 blocks (a partial last batch) give one figure
        assertEquals(a.get("loss"), b.get("loss"), 1e-5);
        assertEquals(a.get("accuracy"), b.get("accuracy"), 0.0);
        assertNotEquals(a.get("loss"), ((GptWorkload) spec(2, GptDataSettings.EvalBlocks.RANDOM).workload())
                .evaluate(0).get("loss"), "random blocks are another sample of the split");
    }
}

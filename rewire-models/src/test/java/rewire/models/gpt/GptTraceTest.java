package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.dist.DistSettings;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptModelSettings.SparseAttention;
import rewire.models.moe.MoeSettings;
import rewire.optim.Slots;
import rewire.run.LoopSettings;
import rewire.run.RunSpec;
import rewire.train.Hook;
import rewire.train.OptimSettings;
import rewire.train.OptimSettings.Optimizer;
import rewire.train.OptimSettings.RateSchedule;
import rewire.train.SparsityHooks;
import rewire.train.SparsitySettings;
import rewire.train.StepResult;
import rewire.train.TrainState;
import rewire.train.Trainer;

/**
 * A fixed-seed golden trace of a tiny GPT: the first losses equal recorded values, the same seed
 * gives the same bits (dense, and sparse with Mixed Sparsity Training rewiring every two steps
 * under hybrid sparse attention), and sampling is a function of the seed.
 */
class GptTraceTest {
    static final String TEXT = "To be, or not to be, that is the question:\nWhether 'tis nobler in the mind to suffer\n"
            .repeat(12);
    /** Recorded from this test's dense run; regenerate only after an intended change of the model or data order. */
    private static final double[] GOLDEN = {3.16359, 3.11742, 3.12621, 3.08005, 3.06116, 3.13729, 3.05627, 2.97195};

    static GptConfig tiny(SparsitySettings sparsity, SparseAttention attention) {
        GptModelSettings model = new GptModelSettings(1, 2, 8, 8, 0.02, 0.35, attention, 2, 0.25, 0.75,
                MoeSettings.defaults());
        GptDataSettings data = new GptDataSettings(java.util.Optional.of(Path.of("unused")), 0.9, 2, 8, 2,
                GptDataSettings.EvalBlocks.RANDOM, List.of());
        return new GptConfig(GptConfig.WORKLOAD, "tiny", 5, model, data, new LoopSettings(2, 1, 0, 0, 3, 0, Path.of("runs")),
                new OptimSettings(Optimizer.ADAMW, 1e-2, 0.9, 0.99, 1e-8, 0.1, false, RateSchedule.CONSTANT, 0, 0,
                        1000, 0.1, 1.0),
                sparsity, DistSettings.defaults(), DistillSettings.defaults());
    }

    static double[] losses(GptConfig config) {
        RunSpec spec = GptRuns.spec(config, TEXT, Kernels.defaults());
        List<Double> losses = new ArrayList<>();
        List<Hook> hooks = new ArrayList<>(SparsityHooks.of(spec.workload(), 9, Kernels.defaults(), null).all());
        hooks.add(new Hook() {
            @Override
            public void afterStep(TrainState state, StepResult result) {
                losses.add(result.loss());
            }
        });
        new Trainer(spec.workload(), hooks, Kernels.defaults())
                .run(new TrainState(spec.workload(), new Slots(), 0, spec.totalSteps()));
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void denseLossesMatchTheRecordedTraceAndRepeatBitForBit() {
        GptConfig config = tiny(new SparsitySettings("dense", 1, List.of()), SparseAttention.NONE);
        double[] first = losses(config);
        assertArrayEquals(first, losses(config), 0.0);
        assertEquals(Math.log(CharTokenizer.fromText(TEXT).vocabSize()), first[0], 0.05, "an untrained model is uniform");
        assertTrue(first[first.length - 1] < first[0] - 0.05, "the loss falls");
        assertArrayEquals(GOLDEN, java.util.Arrays.copyOf(first, GOLDEN.length), 1e-4);
    }

    @Test
    void sparseMstRunWithHybridAttentionRepeatsBitForBit() {
        GptConfig config = tiny(new SparsitySettings("mst", 0.3, List.of("deltaT=2")), SparseAttention.SPARSE);
        double[] first = losses(config);
        assertArrayEquals(first, losses(config), 0.0);
        double[] dense = losses(tiny(new SparsitySettings("dense", 1, List.of()), SparseAttention.NONE));
        assertNotEquals(dense[dense.length - 1], first[first.length - 1], "rewiring changes the run");
    }
}

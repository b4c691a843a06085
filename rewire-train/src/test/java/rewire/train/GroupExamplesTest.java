package rewire.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.kernel.Kernels;
import rewire.nn.Linear;
import rewire.optim.Optim;
import rewire.optim.Slots;
import rewire.sparsity.FlopCounter;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Training FLOPs follow the examples each group's layers saw: a group named in a step's
 * {@code groupExamples} is counted with its own number (a GAN's generator, which trains at every
 * n_critic-th step only), the others with the step's examples.
 */
class GroupExamplesTest {
    private static final int BATCH = 8;
    private static final long STEPS = 10;

    /** Group "first" trains at every step on 8 examples, group "second" at even steps only. */
    private static final class Alternating implements Workload {
        private final Linear first = Linear.create("first", 4, 3, new Rng(1));
        private final Linear second = Linear.create("second", 3, 2, new Rng(2));
        private final ParamGroup firstGroup = ParamGroup.builder("first", first).optimizer(Optim.sgd(0.01), null)
                .flopLayers(List.of(FlopCounter.Layer.dense("first.weight", 4, 3).withoutInputGradient())).build();
        private final ParamGroup secondGroup = ParamGroup.builder("second", second).optimizer(Optim.sgd(0.01), null)
                .flopLayers(List.of(FlopCounter.Layer.dense("second.weight", 3, 2))).build();

        @Override
        public String name() {
            return "alternating";
        }

        @Override
        public List<ParamGroup> groups() {
            return List.of(firstGroup, secondGroup);
        }

        @Override
        public long stepsPerEpoch() {
            return STEPS;
        }

        @Override
        public StepResult step(StepContext context) {
            Tape tape = context.tape();
            Var x = Var.constant(Tensor.zeros(4, BATCH).fill(0.5f));
            Var loss = Losses.softmaxCrossEntropy(tape, second.forward(tape, first.forward(tape, x)), new int[BATCH]);
            context.backward(loss);
            context.update(firstGroup);
            boolean even = context.step() % 2 == 0;
            if (even) {
                context.update(secondGroup);
            }
            return new StepResult(loss.item(), BATCH, BATCH, Map.of(), Map.of("second", even ? (long) BATCH : 0L));
        }

        @Override
        public List<Score> scores() {
            return List.of(Score.loss("loss", "loss"));
        }

        @Override
        public Evaluation evaluate(long stepsDone) {
            return Evaluation.builder("val", 0).put("loss", 0).build();
        }
    }

    @Test
    void eachGroupIsCountedWithItsOwnExamples() {
        Alternating w = new Alternating();
        SparsityHooks sparsity = SparsityHooks.of(w, 1, Kernels.defaults(), null);
        FlopHook flops = new FlopHook(w, sparsity);
        new Trainer(w, List.of(flops), Kernels.defaults()).run(new TrainState(w, new Slots(), 0, STEPS));
        long first = new FlopCounter(w.firstGroup.flopLayers()).stepFlops(BATCH, false);
        long second = new FlopCounter(w.secondGroup.flopLayers()).stepFlops(BATCH, false);
        assertEquals(STEPS * first + STEPS / 2 * second, flops.trainingFlops());
    }

    @Test
    void aGroupNotNamedSawTheStepsExamplesAndCountsCannotBeNegative() {
        StepResult r = new StepResult(1, 5, 7, Map.of(), Map.of("g", 3L));
        assertEquals(3, r.examplesOf("g"));
        assertEquals(7, r.examplesOf("other"));
        assertEquals(7, new StepResult(1, 5, 7, Map.of()).examplesOf("g"));
        assertThrows(IllegalArgumentException.class, () -> new StepResult(1, 5, 7, Map.of(), Map.of("g", -1L)));
    }
}

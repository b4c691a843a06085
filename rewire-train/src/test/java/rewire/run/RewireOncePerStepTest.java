package rewire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.optim.Slots;
import rewire.sparsity.RewireReport;
import rewire.train.Evaluation;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.SparsityHooks;
import rewire.train.StepContext;
import rewire.train.StepResult;
import rewire.train.TrainState;
import rewire.train.Trainer;
import rewire.train.Workload;

/**
 * A workload may update one group several times in a step (TD3's critic updates between two actor
 * updates, a GAN's discriminator steps): the group's recipe rewires at most once per step, at its
 * first update, and only that update skips its optimizer step when the recipe says so.
 */
class RewireOncePerStepTest {
    private static final long STEPS = 4 * TinyWorkload.STEPS_PER_EPOCH;

    /** TinyWorkload's loss, backward and update twice per step. */
    private record TwiceUpdated(TinyWorkload tiny) implements Workload {
        @Override
        public String name() {
            return "tiny-twice";
        }

        @Override
        public List<ParamGroup> groups() {
            return List.of(tiny.group());
        }

        @Override
        public long stepsPerEpoch() {
            return TinyWorkload.STEPS_PER_EPOCH;
        }

        @Override
        public StepResult step(StepContext context) {
            double loss = 0;
            for (int k = 0; k < 2; k++) {
                context.clearTape();
                context.zeroGrad(tiny.group());
                var l = tiny.loss(context.tape(), context.step());
                context.backward(l.value());
                context.update(tiny.group());
                loss = l.value().item();
            }
            return new StepResult(loss, TinyWorkload.BATCH);
        }

        @Override
        public List<Score> scores() {
            return tiny.scores();
        }

        @Override
        public Evaluation evaluate(long stepsDone) {
            return tiny.evaluate(stepsDone);
        }
    }

    @Test
    void aGroupUpdatedTwiceInAStepRewiresOnceAtEachUpdateStep() {
        TinyWorkload tiny = new TinyWorkload(STEPS, "rigl", Map.of("deltaT", "3", "distribution", "uniform",
                "skipStep", "true"));
        List<RewireReport> reports = new ArrayList<>();
        SparsityHooks sparsity = SparsityHooks.of(tiny, 3, Kernels.defaults(), (group, report) -> reports.add(report));
        new Trainer(new TwiceUpdated(tiny), sparsity.all(), Kernels.defaults())
                .run(new TrainState(new TwiceUpdated(tiny), new Slots(), 0, STEPS));
        long updateSteps = java.util.stream.LongStream.range(0, STEPS)
                .filter(t -> tiny.group().recipe().rewirer().isUpdate(t)).count();
        assertTrue(updateSteps >= 3, "the run has update steps: " + updateSteps);
        assertEquals(updateSteps, reports.size(), "one rewire per update step, not one per update");
        assertEquals(reports.stream().map(RewireReport::step).distinct().count(), reports.size());
    }
}

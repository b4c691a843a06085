package rewire.models.classify;

import java.util.List;
import java.util.Map;
import rewire.autodiff.Var;
import rewire.io.Checkpoint;
import rewire.tensor.Tensor;
import rewire.train.Evaluation;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.StepContext;
import rewire.train.StepResult;
import rewire.train.Workload;

/**
 * A workload that fails at a given step: it throws, as a crash would interrupt a run, or (with
 * {@code nanLoss}) backpropagates a NaN loss, as a diverging run would.
 */
record FailingWorkload(Workload inner, long failAt, boolean nanLoss) implements Workload {

    @Override
    public StepResult step(StepContext context) {
        if (context.step() == failAt && nanLoss) {
            context.backward(Var.constant(Tensor.of(new float[] {Float.NaN})));
        }
        if (context.step() == failAt) {
            throw new IllegalStateException("simulated crash at step " + context.step());
        }
        return inner.step(context);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<ParamGroup> groups() {
        return inner.groups();
    }

    @Override
    public long stepsPerEpoch() {
        return inner.stepsPerEpoch();
    }

    @Override
    public List<Score> scores() {
        return inner.scores();
    }

    @Override
    public Evaluation evaluate(long stepsDone) {
        return inner.evaluate(stepsDone);
    }

    @Override
    public Map<String, Double> status() {
        return inner.status();
    }

    @Override
    public void save(Checkpoint.Builder checkpoint) {
        inner.save(checkpoint);
    }

    @Override
    public void restore(Checkpoint checkpoint) {
        inner.restore(checkpoint);
    }

    @Override
    public int[] inputImage() {
        return inner.inputImage();
    }
}

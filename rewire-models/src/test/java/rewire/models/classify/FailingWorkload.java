package rewire.models.classify;

import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.Module;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;
import rewire.tensor.Tensor;
import rewire.train.Evaluation;
import rewire.train.StepOutput;
import rewire.train.Workload;

/**
 * A workload that fails at a given step: it throws, as a crash would interrupt a run, or (with
 * {@code nanLoss}) reports a NaN loss, as a diverging run would.
 */
record FailingWorkload(Workload inner, long failAt, boolean nanLoss) implements Workload {

    @Override
    public StepOutput trainStep(Tape tape, long step) {
        StepOutput out = inner.trainStep(tape, step);
        if (step == failAt && nanLoss) {
            return new StepOutput(Var.constant(Tensor.of(new float[] {Float.NaN})), out.correct(), out.samples());
        }
        if (step == failAt) {
            throw new IllegalStateException("simulated crash at step " + step);
        }
        return out;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Module model() {
        return inner.model();
    }

    @Override
    public long stepsPerEpoch() {
        return inner.stepsPerEpoch();
    }

    @Override
    public int batchSize() {
        return inner.batchSize();
    }

    @Override
    public Evaluation evaluate() {
        return inner.evaluate();
    }

    @Override
    public List<SparseLinear> sparseLayers() {
        return inner.sparseLayers();
    }

    @Override
    public int[] kernelShape(int i) {
        return inner.kernelShape(i);
    }

    @Override
    public List<FlopCounter.Layer> flopLayers() {
        return inner.flopLayers();
    }
}

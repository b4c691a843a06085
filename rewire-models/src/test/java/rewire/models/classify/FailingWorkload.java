package rewire.models.classify;

import java.util.List;
import rewire.autodiff.Tape;
import rewire.nn.Module;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;
import rewire.train.Evaluation;
import rewire.train.StepOutput;
import rewire.train.Workload;

/** A workload that fails at a given step, as a crash would interrupt a run. */
record FailingWorkload(Workload inner, long failAt) implements Workload {

    @Override
    public StepOutput trainStep(Tape tape, long step) {
        if (step == failAt) {
            throw new IllegalStateException("simulated crash at step " + step);
        }
        return inner.trainStep(tape, step);
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

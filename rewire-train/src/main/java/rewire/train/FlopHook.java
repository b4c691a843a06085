package rewire.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rewire.io.Checkpoint;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;

/**
 * Counts training FLOPs as the run goes (RigL's accounting, see {@link FlopCounter}): every step
 * with the layers' current nnz, update steps of gradient-based growth with the dense weight
 * gradient, the per-step dense gradient of momentum growth (SNFS) as overhead, the workload's
 * forward-only passes and products between activations (attention) as it reports them, and the
 * dense twin alongside for the ratio.
 */
public final class FlopHook implements Hook {
    private static final String KEY = "flops/totals";

    private final FlopCounter counter;
    private final RewireHook rewire;
    private final Map<String, Integer> indexByName = new HashMap<>();

    /** @param rewire the run's rewiring hook, or null for a run whose topology never changes */
    public FlopHook(Workload workload, RewireHook rewire) {
        List<FlopCounter.Layer> layers = workload.flopLayers();
        this.counter = new FlopCounter(layers);
        this.rewire = rewire;
        for (int i = 0; i < layers.size(); i++) {
            indexByName.put(layers.get(i).name(), i);
        }
    }

    public FlopCounter counter() {
        return counter;
    }

    @Override
    public void afterStep(TrainState state, StepOutput out) {
        boolean updated = rewire != null && rewire.updatedThisStep();
        if (updated) {
            syncNnz(state.workload().sparseLayers());
        }
        counter.recordStep(out.samples(), updated, updated && rewire.rewirer().grow().needsDenseGradient());
        Workload.ForwardFlops forward = state.workload().takeForwardOnlyFlops();
        if (forward != null) {
            counter.recordForwardOnly(forward.sparse(), forward.dense());
        }
        Workload.ActivationFlops products = state.workload().takeActivationFlops();
        if (products != null) {
            counter.recordOutsideLayers(products.actual(), products.dense());
        }
        if (rewire != null && rewire.rewirer().grow().needsDenseMomentum()) {
            counter.recordOverhead(denseGradientFlops(state.workload().sparseLayers(), out.samples()));
        }
    }

    // SNFS folds the dense weight gradient dy·xᵀ of every sparse layer into its momentum at every step
    private long denseGradientFlops(List<SparseLinear> layers, int batch) {
        long flops = 0;
        for (SparseLinear l : layers) {
            FlopCounter.Layer f = counter.layers().get(indexByName.get(l.weight().name()));
            flops += 2L * batch * f.denseSize() * f.positions();
        }
        return flops;
    }

    @Override
    public void onStart(TrainState state) {
        syncNnz(state.workload().sparseLayers());
    }

    private void syncNnz(List<SparseLinear> layers) {
        for (SparseLinear l : layers) {
            Integer i = indexByName.get(l.weight().name());
            if (i == null) {
                throw new IllegalStateException("sparse layer " + l.weight().name() + " is missing from the workload's "
                        + "FLOP layers " + indexByName.keySet());
            }
            counter.setNnz(i, l.weight().pattern().nnz());
        }
    }

    @Override
    public void save(Checkpoint.Builder c) {
        FlopCounter.Totals t = counter.totals();
        c.putText(KEY, t.steps() + " " + t.updateSteps() + " " + t.training() + " " + t.overhead() + " " + t.denseTwin());
    }

    @Override
    public void restore(Checkpoint c) {
        String[] f = c.text(KEY).split(" ");
        counter.restore(new FlopCounter.Totals(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4])));
    }
}

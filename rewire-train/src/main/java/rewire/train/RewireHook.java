package rewire.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import rewire.io.Checkpoint;
import rewire.io.RewireStateEntries;
import rewire.kernel.Kernels;
import rewire.nn.SparseLinear;
import rewire.sparsity.LayerView;
import rewire.sparsity.RewireReport;
import rewire.sparsity.RewireState;
import rewire.sparsity.Rewirer;
import rewire.tensor.Rng;

/**
 * Runs the DST engine inside training: at every step the {@link Rewirer} marks as an update step,
 * after backward and before the optimizer, it rewires every sparse layer of the workload, moving
 * weights, gradients and optimizer slots through one remap, and writes the report to
 * rewire.jsonl. The engine's state across steps (ever-active positions, SNFS's dense momentum) is
 * the rewirer's {@link RewireState}: this hook feeds it every step's batch when it asks for it and
 * checkpoints it.
 */
public final class RewireHook implements Hook {
    private static final String PREFIX = "rewire/";

    private final Rewirer rewirer;
    private final Rng rng;
    private final Kernels kernels;
    private final RunFolder folder;
    private final Consumer<RewireReport> listener;
    private final RewireState rewireState;
    private boolean updatedThisStep;

    /**
     * @param workload the workload whose {@link Workload#sparseLayers()} are rewired
     * @param rng      the run's rewiring generator; update {@code t} draws from {@code rng.fold(t)}
     * @param folder   where to append rewire.jsonl, or null
     * @param listener receives every update's report, or null
     */
    public RewireHook(Rewirer rewirer, Workload workload, Rng rng, Kernels kernels, RunFolder folder,
                      Consumer<RewireReport> listener) {
        this.rewirer = rewirer;
        this.rng = rng;
        this.kernels = kernels;
        this.folder = folder;
        this.listener = listener;
        this.rewireState = rewirer.newState(workload.sparseLayers().stream().map(SparseLinear::weight).toList());
    }

    public Rewirer rewirer() {
        return rewirer;
    }

    /** Whether the step that just ran changed the topology (valid in afterStep). */
    public boolean updatedThisStep() {
        return updatedThisStep;
    }

    @Override
    public boolean beforeOptimizerStep(TrainState state, StepOutput out) {
        long step = state.step();
        List<SparseLinear> layers = state.workload().sparseLayers();
        if (rewireState.observesBatches()) {
            for (int i = 0; i < layers.size(); i++) {
                SparseLinear.LastBatch batch = requireBatch(layers.get(i));
                rewireState.observe(i, batch.input(), batch.outputGrad(), kernels);
            }
        }
        updatedThisStep = rewirer.isUpdate(step);
        if (!updatedThisStep) {
            return false;
        }
        List<LayerView> views = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            views.add(view(state.workload(), i));
        }
        RewireReport report = rewirer.maybeRewire(step, views, state.slots(), rewireState, rng, kernels);
        log(report, layers);
        if (listener != null) {
            listener.accept(report);
        }
        return rewirer.skipsOptimizerStepAt(step);
    }

    private LayerView view(Workload workload, int i) {
        SparseLinear layer = workload.sparseLayers().get(i);
        LayerView v = LayerView.of(layer.weight()).withKernelShape(workload.kernelShape(i));
        SparseLinear.LastBatch batch = layer.lastBatch();
        if (batch != null) {
            return v.withBatch(batch.input(), batch.outputGrad());
        }
        if (rewirer.grow().needsDenseGradient()) {
            throw new IllegalStateException(layer.weight().name() + ": gradient growth needs the layer's last batch, "
                    + "but it has none (was the layer used in this step's forward pass?)");
        }
        return v;
    }

    private static SparseLinear.LastBatch requireBatch(SparseLinear layer) {
        SparseLinear.LastBatch batch = layer.lastBatch();
        if (batch == null) {
            throw new IllegalStateException(layer.weight().name() + ": momentum growth needs the layer's batch at "
                    + "every step, but it has none");
        }
        return batch;
    }

    private void log(RewireReport report, List<SparseLinear> layers) {
        if (folder == null) {
            return;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < report.layers().size(); i++) {
            RewireReport.Layer l = report.layers().get(i);
            Map<String, Object> e = l.toPlain();
            e.put("representation", layers.get(i).representation().name());
            entries.add(e);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", report.step());
        line.put("layers", entries);
        folder.appendLine(RunFolder.REWIRE, line);
    }

    @Override
    public void save(Checkpoint.Builder c) {
        RewireStateEntries.put(c, PREFIX, rewireState);
    }

    @Override
    public void restore(Checkpoint c) {
        RewireStateEntries.restore(c, PREFIX, rewireState);
    }
}

package rewire.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import rewire.io.Checkpoint;
import rewire.kernel.Kernels;
import rewire.nn.SparseLinear;
import rewire.sparsity.DenseMomentum;
import rewire.sparsity.EverActive;
import rewire.sparsity.LayerView;
import rewire.sparsity.RewireReport;
import rewire.sparsity.Rewirer;
import rewire.tensor.Rng;

/**
 * Runs the DST engine inside training: at every step the {@link Rewirer} marks as an update step,
 * after backward and before the optimizer, it rewires every sparse layer of the workload, moving
 * weights, gradients and optimizer slots through one remap, and writes the report to
 * rewire.jsonl. It keeps the per-layer state the engine needs across steps: the ever-active
 * positions (exploration rate) and, for momentum growth (SNFS), a dense momentum that it folds the
 * dense gradient into at every step.
 */
public final class RewireHook implements Hook {
    private static final String PREFIX = "rewire/";
    private static final float SNFS_MOMENTUM = 0.9f;

    private final Rewirer rewirer;
    private final Rng rng;
    private final Kernels kernels;
    private final RunFolder folder;
    private final Consumer<RewireReport> listener;
    private final List<EverActive> everActive = new ArrayList<>();
    private final List<DenseMomentum> momentum;
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
        List<SparseLinear> layers = workload.sparseLayers();
        for (SparseLinear l : layers) {
            everActive.add(new EverActive(l.weight().pattern()));
        }
        momentum = rewirer.grow().needsDenseMomentum() ? new ArrayList<>() : null;
        if (momentum != null) {
            for (SparseLinear l : layers) {
                momentum.add(new DenseMomentum(l.out(), l.in(), SNFS_MOMENTUM));
            }
        }
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
        if (momentum != null) {
            for (int i = 0; i < layers.size(); i++) {
                SparseLinear.LastBatch batch = requireBatch(layers.get(i));
                momentum.get(i).accumulate(kernels, batch.input(), batch.outputGrad());
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
        RewireReport report = rewirer.maybeRewire(step, views, state.slots(), rng, kernels);
        log(report, layers);
        if (listener != null) {
            listener.accept(report);
        }
        return rewirer.skipsOptimizerStepAt(step);
    }

    private LayerView view(Workload workload, int i) {
        SparseLinear layer = workload.sparseLayers().get(i);
        LayerView v = LayerView.of(layer.weight()).withEverActive(everActive.get(i))
                .withKernelShape(workload.kernelShape(i));
        SparseLinear.LastBatch batch = layer.lastBatch();
        if (batch != null) {
            v = v.withBatch(batch.input(), batch.outputGrad());
        } else if (rewirer.grow().needsDenseGradient()) {
            throw new IllegalStateException(layer.weight().name() + ": gradient growth needs the layer's last batch, "
                    + "but it has none (was the layer used in this step's forward pass?)");
        }
        return momentum == null ? v : v.withDenseMomentum(momentum.get(i));
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
        for (int i = 0; i < everActive.size(); i++) {
            c.putInts(PREFIX + "everActive/" + i, LongsAsInts.split(everActive.get(i).words()));
            if (momentum != null) {
                c.putFloats(PREFIX + "momentum/" + i, momentum.get(i).values());
            }
        }
    }

    @Override
    public void restore(Checkpoint c) {
        for (int i = 0; i < everActive.size(); i++) {
            everActive.get(i).restore(LongsAsInts.join(c.ints(PREFIX + "everActive/" + i)));
            if (momentum != null) {
                float[] saved = c.floats(PREFIX + "momentum/" + i);
                System.arraycopy(saved, 0, momentum.get(i).values(), 0, saved.length);
            }
        }
    }
}

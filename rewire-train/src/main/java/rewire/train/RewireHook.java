package rewire.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import rewire.io.Checkpoint;
import rewire.io.RewireStateEntries;
import rewire.kernel.Kernels;
import rewire.nn.SparseLinear;
import rewire.sparsity.DenseMomentum;
import rewire.sparsity.LayerView;
import rewire.sparsity.RewireReport;
import rewire.sparsity.RewireState;
import rewire.sparsity.Rewirer;
import rewire.tensor.Rng;

/**
 * Runs one group's DST recipe inside training: at every step its {@link Rewirer} marks as an update
 * step, after the group's backward and before its optimizer, it rewires the group's sparse layers,
 * moving weights, gradients and optimizer slots through one remap, and passes the report on. A
 * workload that updates the group several times in one step gets one rewiring, at the first update
 * (which alone skips its optimizer step when the recipe asks). The
 * engine's state across steps (ever-active positions, SNFS's dense momentum) is the rewirer's
 * {@link RewireState}: this hook feeds it the batch of every update of the group when it asks for
 * it, and checkpoints it.
 */
public final class RewireHook implements Hook {
    private final ParamGroup group;
    private final Rewirer rewirer;
    private final Rng rng;
    private final Kernels kernels;
    private final BiConsumer<ParamGroup, RewireReport> listener;
    private final String prefix;
    private final RewireState rewireState;
    private RewireReport lastReport = RewireReport.skipped(-1);

    /**
     * @param group    the group whose sparse layers its recipe rewires
     * @param rng      the group's rewiring generator; update {@code t} draws from {@code rng.fold(t)}
     * @param listener receives every update's report with the group, or null
     */
    public RewireHook(ParamGroup group, Rng rng, Kernels kernels, BiConsumer<ParamGroup, RewireReport> listener) {
        if (group.recipe() == null) {
            throw new IllegalArgumentException("group " + group.name() + " has no recipe to rewire with");
        }
        this.group = group;
        this.rewirer = group.recipe().rewirer();
        this.rng = rng;
        this.kernels = kernels;
        this.listener = listener;
        this.prefix = "rewire/" + group.name() + "/";
        // SNFS keeps the optimizer's moments at the inactive positions too, by the optimizer's own rule
        this.rewireState = rewirer.newState(group.sparseLayers().stream().map(SparseLinear::weight).toList(),
                group.optimizer().momentRule().orElse(DenseMomentum.SNFS_DEFAULT));
    }

    public ParamGroup group() {
        return group;
    }

    public Rewirer rewirer() {
        return rewirer;
    }

    /** Whether the step that just ran changed the group's topology (valid in afterStep). */
    public boolean updatedThisStep() {
        return lastReport.updated();
    }

    /**
     * The report of the step that just ran (valid in afterStep): its update, or a skipped report
     * when the step made none. Its scoring FLOPs are rewiring overhead ({@link FlopHook}).
     */
    public RewireReport lastReport() {
        return lastReport;
    }

    @Override
    public void beforeStep(TrainState state) {
        lastReport = RewireReport.skipped(state.step());
    }

    @Override
    public boolean beforeUpdate(TrainState state, ParamGroup updated) {
        if (updated != group) {
            return false;
        }
        long step = state.step();
        List<SparseLinear> layers = group.sparseLayers();
        if (rewireState.observesBatches()) {
            for (int i = 0; i < layers.size(); i++) {
                SparseLinear.LastBatch batch = requireBatch(layers.get(i));
                rewireState.observe(i, batch.input(), batch.outputGrad(), kernels);
            }
        }
        // a group updated several times in one step (TD3's critic) rewires at its first update only
        if (!rewirer.isUpdate(step) || lastReport.updated()) {
            return false;
        }
        List<LayerView> views = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            views.add(view(i));
        }
        lastReport = rewirer.maybeRewire(step, views, state.slots(), rewireState, rng, kernels);
        if (lastReport.updated()) {  // a density control may hold at an update step
            OldGenerationGuard.jvm().afterUpdate();
            if (listener != null) {
                listener.accept(group, lastReport);
            }
        }
        return rewirer.skipsOptimizerStepAt(step);
    }

    private LayerView view(int i) {
        SparseLinear layer = group.sparseLayers().get(i);
        LayerView v = LayerView.of(layer.weight()).withKernelShape(group.kernelShapes().get(i));
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

    @Override
    public void save(Checkpoint.Builder c) {
        RewireStateEntries.put(c, prefix, rewireState);
    }

    @Override
    public void restore(Checkpoint c) {
        RewireStateEntries.restore(c, prefix, rewireState);
    }
}

package rewire.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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
 * Runs one group's DST recipe inside training: at every step its {@link Rewirer} marks as an update
 * step, after the group's backward and before its optimizer, it rewires the group's sparse layers,
 * moving weights, gradients and optimizer slots through one remap, and passes the report on. It
 * keeps the per-layer state the engine needs across steps: the ever-active positions (exploration
 * rate) and, for momentum growth (SNFS), a dense momentum that it folds the dense gradient into at
 * every update of the group.
 */
public final class RewireHook implements Hook {
    private static final float SNFS_MOMENTUM = 0.9f;

    private final ParamGroup group;
    private final Rewirer rewirer;
    private final Rng rng;
    private final Kernels kernels;
    private final BiConsumer<ParamGroup, RewireReport> listener;
    private final String prefix;
    private final List<EverActive> everActive = new ArrayList<>();
    private final List<DenseMomentum> momentum;
    private boolean updatedThisStep;

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
        for (SparseLinear l : group.sparseLayers()) {
            everActive.add(new EverActive(l.weight().pattern()));
        }
        momentum = rewirer.grow().needsDenseMomentum() ? new ArrayList<>() : null;
        if (momentum != null) {
            for (SparseLinear l : group.sparseLayers()) {
                momentum.add(new DenseMomentum(l.out(), l.in(), SNFS_MOMENTUM));
            }
        }
    }

    public ParamGroup group() {
        return group;
    }

    public Rewirer rewirer() {
        return rewirer;
    }

    /** Whether the step that just ran changed the group's topology (valid in afterStep). */
    public boolean updatedThisStep() {
        return updatedThisStep;
    }

    @Override
    public void beforeStep(TrainState state) {
        updatedThisStep = false;
    }

    @Override
    public boolean beforeUpdate(TrainState state, ParamGroup updated) {
        if (updated != group) {
            return false;
        }
        long step = state.step();
        List<SparseLinear> layers = group.sparseLayers();
        if (momentum != null) {
            for (int i = 0; i < layers.size(); i++) {
                SparseLinear.LastBatch batch = requireBatch(layers.get(i));
                momentum.get(i).accumulate(kernels, batch.input(), batch.outputGrad());
            }
        }
        if (!rewirer.isUpdate(step)) {
            return false;
        }
        updatedThisStep = true;
        List<LayerView> views = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            views.add(view(i));
        }
        RewireReport report = rewirer.maybeRewire(step, views, state.slots(), rng, kernels);
        if (listener != null) {
            listener.accept(group, report);
        }
        return rewirer.skipsOptimizerStepAt(step);
    }

    private LayerView view(int i) {
        SparseLinear layer = group.sparseLayers().get(i);
        LayerView v = LayerView.of(layer.weight()).withEverActive(everActive.get(i))
                .withKernelShape(group.kernelShapes().get(i));
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

    @Override
    public void save(Checkpoint.Builder c) {
        for (int i = 0; i < everActive.size(); i++) {
            c.putInts(prefix + "everActive/" + i, LongsAsInts.split(everActive.get(i).words()));
            if (momentum != null) {
                c.putFloats(prefix + "momentum/" + i, momentum.get(i).values());
            }
        }
    }

    @Override
    public void restore(Checkpoint c) {
        for (int i = 0; i < everActive.size(); i++) {
            everActive.get(i).restore(LongsAsInts.join(c.ints(prefix + "everActive/" + i)));
            if (momentum != null) {
                float[] saved = c.floats(prefix + "momentum/" + i);
                System.arraycopy(saved, 0, momentum.get(i).values(), 0, saved.length);
            }
        }
    }
}

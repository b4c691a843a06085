package rewire.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import rewire.nn.DiagonalGate;
import rewire.nn.SparseLinear;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.DiagonalSelection;
import rewire.sparsity.Diagonals;
import rewire.sparsity.RewireReport;

/**
 * DynaDiag's schedule for one group (Tyagi et al., ICML 2025; METHODS F.2): before every step it
 * sets each gated layer's soft top-K temperature for the step's epoch, and at the freeze step it keeps
 * each layer's K diagonals of largest importance logit, moving the weights, their gradients and
 * every optimizer slot through one {@link Remap} as a topology update does, and reports the
 * freeze like one (so the run's rewire log and report show it).
 *
 * <p>It keeps no state of its own: after a resume the layers' patterns (K diagonals once frozen),
 * logits, temperatures and frozen flags come back from the checkpoint ({@link DiagonalGate#state()}).
 */
public final class DiagonalSelectionHook implements Hook {
    private final ParamGroup group;
    private final DiagonalSelection selection;
    private final BiConsumer<ParamGroup, RewireReport> listener;
    private final List<SparseLinear> gated;

    /**
     * @param listener receives the freeze's report, or null
     * @throws IllegalArgumentException when no sparse layer of the group has a diagonal gate
     */
    public DiagonalSelectionHook(ParamGroup group, BiConsumer<ParamGroup, RewireReport> listener) {
        this.group = group;
        this.selection = group.recipe().diagonals();
        this.listener = listener;
        this.gated = group.sparseLayers().stream().filter(l -> l.diagonalGate() != null).toList();
        if (gated.isEmpty()) {
            throw new IllegalArgumentException("DynaDiag: no sparse layer of group " + group.name() + " has a diagonal "
                    + "gate (SparseLinear.withDiagonalGate); the workload must build its layers for the recipe");
        }
    }

    @Override
    public void beforeStep(TrainState state) {
        long step = state.step();
        if (!selection.frozenAt(step)) {
            double tau = selection.temperature(step);
            gated.forEach(l -> l.diagonalGate().setTemperature(tau));
            return;
        }
        List<RewireReport.Layer> frozen = new ArrayList<>();
        for (SparseLinear l : gated) {
            if (!l.diagonalGate().isFrozen()) {
                frozen.add(freeze(l, state.slots()));
            }
        }
        if (listener != null && !frozen.isEmpty()) {
            listener.accept(group, new RewireReport(step, true, frozen));
        }
    }

    /** Keeps the layer's K diagonals of largest logit. */
    private static RewireReport.Layer freeze(SparseLinear layer, Slots slots) {
        DiagonalGate gate = layer.diagonalGate();
        SparseParam weight = layer.weight();
        SparsityPattern before = weight.pattern();
        int[] kept = Diagonals.freeze(gate.alpha().values(), gate.budget());
        Remap remap = Remap.between(before, DiagonalPattern.of(before.rows(), before.cols(), kept).toCsr());
        // the kept diagonals take weight 1: their values stay as trained, the others are dropped
        weight.remap(remap, null);
        slots.remap(weight, remap);
        gate.markFrozen();
        return new RewireReport.Layer(weight.name(), before.rows(), before.cols(), before.nnz(), remap.pruned(),
                remap.grown(), 0, remap.to().nnz(), 0, 0, 0);
    }
}

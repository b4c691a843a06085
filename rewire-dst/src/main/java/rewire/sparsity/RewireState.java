package rewire.sparsity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rewire.kernel.Kernels;
import rewire.nn.SparseParam;
import rewire.optim.MomentRule;
import rewire.sparse.Remap;
import rewire.tensor.Tensor;

/**
 * The state a {@link Rewirer} keeps for one run's sparse layers between updates: per layer the
 * positions ever active (the exploration rate of every {@link RewireReport}) and the grow
 * criterion's own state ({@link GrowCriterion#newState}, SNFS's dense momentum). Made by
 * {@link Rewirer#newState}; mutable, owned by one run.
 *
 * <p>Call order per training step: {@link #observe} for every layer after backward, when
 * {@link #observesBatches()}; then, at an update step,
 * {@link Rewirer#maybeRewire(long, List, rewire.optim.Slots, RewireState, rewire.tensor.Rng, Kernels)},
 * which moves the state through each layer's remap. For checkpoints, {@link #arrays()} gives the
 * state as named arrays ({@code everActive/<layer>}, {@code momentum/<layer>}) and
 * {@link #restore} reads them back, so a resumed run continues to the same bits.
 */
public final class RewireState {
    private final List<String> names = new ArrayList<>();
    private final List<EverActive> explored = new ArrayList<>();
    private final List<CriterionState> grow = new ArrayList<>();
    private final DensityControl.State control;

    RewireState(List<SparseParam> layers, GrowCriterion criterion, DensityControl densityControl,
                MomentRule optimizerMoments) {
        for (SparseParam p : layers) {
            names.add(p.name());
            explored.add(new EverActive(p.pattern()));
            grow.add(criterion.newState(p.rows(), p.cols(), optimizerMoments));
        }
        control = densityControl == null ? null : densityControl.newState();
    }

    /** The density control's state: the density it last set. */
    DensityControl.State control() {
        return control;
    }

    /** The density a {@link DensityControl} last set, or NaN without one. */
    public double controlledDensity() {
        return control == null ? Double.NaN : control.density();
    }

    /** The number of layers. */
    public int size() {
        return names.size();
    }

    /** Whether {@link #observe} must see every training step's batch of every layer (SNFS). */
    public boolean observesBatches() {
        return grow.stream().anyMatch(CriterionState::observesBatches);
    }

    /**
     * Folds one training step's batch of layer {@code layer} into the state that needs it.
     *
     * <pre>
     * x : (cols, B) feature-major inputs   dy : (rows, B) output gradients
     * </pre>
     */
    public void observe(int layer, Tensor x, Tensor dy, Kernels kernels) {
        grow.get(layer).observe(x, dy, kernels);
    }

    /** The fraction of layer {@code layer}'s positions that have ever held a connection. */
    public double explorationRate(int layer) {
        return explored.get(layer).rate();
    }

    /** The whole state as named arrays (copies): the density control's, then layer by layer. */
    public List<StateArray> arrays() {
        List<StateArray> out = new ArrayList<>();
        if (control != null) {
            out.addAll(control.arrays());
        }
        for (int l = 0; l < size(); l++) {
            for (CriterionState s : List.of(explored.get(l), grow.get(l))) {
                for (StateArray a : s.arrays()) {
                    out.add(renamed(a, a.name() + "/" + l));
                }
            }
        }
        return out;
    }

    /**
     * Restores every array that {@link #arrays()} names from {@code saved}.
     *
     * @throws IllegalArgumentException if an array is missing or does not fit, naming it
     */
    public void restore(List<StateArray> saved) {
        Map<String, StateArray> byName = new HashMap<>();
        saved.forEach(a -> byName.put(a.name(), a));
        if (control != null) {
            StateArray found = byName.get(DensityControl.State.NAME);
            if (found == null) {
                throw new IllegalArgumentException("the saved rewiring state lacks " + DensityControl.State.NAME
                        + ", the controlled density; saved: " + byName.keySet());
            }
            control.restore(found);
        }
        for (int l = 0; l < size(); l++) {
            for (CriterionState s : List.of(explored.get(l), grow.get(l))) {
                for (StateArray a : s.arrays()) {
                    StateArray found = byName.get(a.name() + "/" + l);
                    if (found == null) {
                        throw new IllegalArgumentException("the saved rewiring state lacks " + a.name() + "/" + l
                                + " of layer " + names.get(l) + "; saved: " + byName.keySet());
                    }
                    s.restore(renamed(found, a.name()));
                }
            }
        }
    }

    /** The views with each layer's grow state attached. */
    List<LayerView> attach(List<LayerView> layers) {
        if (layers.size() != size()) {
            throw new IllegalArgumentException("the rewiring state holds " + size() + " layers " + names
                    + ", the update got " + layers.size());
        }
        List<LayerView> out = new ArrayList<>();
        for (int l = 0; l < size(); l++) {
            LayerView v = layers.get(l);
            EverActive e = explored.get(l);
            if (v.param().rows() != e.rows() || v.param().cols() != e.cols()) {
                throw new IllegalArgumentException("layer " + l + " (" + v.param().name() + ") is " + v.param().rows()
                        + " x " + v.param().cols() + ", its rewiring state " + names.get(l) + " " + e.rows() + " x "
                        + e.cols());
            }
            out.add(v.withGrowState(grow.get(l)));
        }
        return out;
    }

    /** Moves layer {@code layer}'s state through its topology change. */
    void remap(int layer, Remap remap) {
        explored.get(layer).remap(remap);
        grow.get(layer).remap(remap);
    }

    private static StateArray renamed(StateArray a, String name) {
        return switch (a) {
            case StateArray.Floats f -> new StateArray.Floats(name, f.values());
            case StateArray.Ints i -> new StateArray.Ints(name, i.values());
        };
    }
}

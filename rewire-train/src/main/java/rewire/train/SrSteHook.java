package rewire.train;

import java.util.ArrayList;
import java.util.List;
import rewire.io.Checkpoint;
import rewire.nn.SparseLinear;
import rewire.nn.SparseParam;
import rewire.sparse.Patterns;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.SrSte;

/**
 * N:M sparsity trained with SR-STE (Zhou et al., ICLR 2021; METHODS I.6) for one group. Its layers
 * train a dense weight {@code W} (a full pattern, whose entries are in row-major order, so groups
 * of {@code m} consecutive entries run along the inputs), which this hook keeps; between steps the
 * layers hold the N:M model {@code W ⊙ B}, {@code B} the mask of the largest {@code |W|} per group,
 * so evaluation, checkpoints and inference see the sparse network.
 *
 * <p>Per step: forward and backward run on {@code W ⊙ B}; before the group's optimizer the hook
 * puts {@code W} back and adds {@code lambda (1 - B) ⊙ W} to the straight-through gradient; after
 * the optimizer it keeps the new {@code W} and masks the layers again.
 *
 * <p>When training ends the layers become the sparse N:M model they hold: each pattern shrinks
 * to its mask (one {@link Remap} for weights, gradients and slots), so the final checkpoint,
 * evaluation, {@code rewire predict} and export hold N of every M entries and compute on the
 * fan-in kernels the classifier builds its layers for (below the crossover density). A run
 * resumed from such a checkpoint gets its full patterns back from the dense {@code W} this hook
 * saves, and trains on.
 */
public final class SrSteHook implements Hook {
    private final ParamGroup group;
    private final SrSte srSte;
    private final String prefix;
    private final List<float[]> dense = new ArrayList<>();
    private final List<boolean[]> masks = new ArrayList<>();

    public SrSteHook(ParamGroup group) {
        this.group = group;
        this.srSte = group.recipe().srSte();
        this.prefix = "srste/" + group.name() + "/";
        for (SparseLinear l : group.sparseLayers()) {
            SparsityPattern p = l.weight().pattern();
            if (p.nnz() != p.rows() * p.cols()) {
                throw new IllegalArgumentException(l.weight().name() + ": SR-STE trains a dense weight, but the layer "
                        + "has density " + p.density() + "; use initial density 1 (the nm-srste recipe does)");
            }
            if (p.cols() % srSte.m() != 0) {
                throw new IllegalArgumentException(l.weight().name() + ": " + p.cols() + " inputs do not split into "
                        + "groups of " + srSte.m());
            }
            dense.add(l.weight().values().clone());
            masks.add(null);
        }
    }

    @Override
    public void beforeStep(TrainState state) {
        List<SparseLinear> layers = group.sparseLayers();
        for (SparseLinear l : layers) {
            SparseParam w = l.weight();
            if (w.pattern().nnz() != w.rows() * w.cols()) {
                // resumed from a checkpoint written at the end, which holds the N:M model: back to every
                // entry (the values come from the dense W below; new slot entries start at zero)
                Remap remap = Remap.between(w.pattern(), Patterns.full(w.rows(), w.cols()));
                w.remap(remap, null);
                state.slots().remap(w, remap);
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            boolean[] mask = srSte.mask(dense.get(i));
            masks.set(i, mask);
            srSte.applyMask(dense.get(i), mask, layers.get(i).weight().values());
        }
    }

    @Override
    public boolean beforeUpdate(TrainState state, ParamGroup updated) {
        if (updated != group) {
            return false;
        }
        List<SparseLinear> layers = group.sparseLayers();
        for (int i = 0; i < layers.size(); i++) {
            float[] w = layers.get(i).weight().values();
            System.arraycopy(dense.get(i), 0, w, 0, w.length);
            srSte.refineGradient(w, masks.get(i), layers.get(i).weight().grad());
        }
        return false;
    }

    @Override
    public void afterUpdate(TrainState state, ParamGroup updated) {
        if (updated != group) {
            return;
        }
        List<SparseLinear> layers = group.sparseLayers();
        for (int i = 0; i < layers.size(); i++) {
            float[] w = layers.get(i).weight().values();
            System.arraycopy(w, 0, dense.get(i), 0, w.length);
            srSte.applyMask(dense.get(i), srSte.mask(dense.get(i)), w);
        }
    }

    @Override
    public void onEnd(TrainState state, Throwable failure) {
        if (failure != null) {
            return;  // the last good checkpoint stays as it was written
        }
        List<SparseLinear> layers = group.sparseLayers();
        for (SparseLinear l : layers) {
            SparseParam w = l.weight();
            SparsityPattern nOfM = srSte.pattern(w.values(), w.rows(), w.cols());
            Remap remap = Remap.between(w.pattern(), nOfM);
            w.remap(remap, null);
            state.slots().remap(w, remap);
        }
    }

    @Override
    public void save(Checkpoint.Builder c) {
        for (int i = 0; i < dense.size(); i++) {
            c.putFloats(prefix + i, dense.get(i));
        }
    }

    @Override
    public void restore(Checkpoint c) {
        for (int i = 0; i < dense.size(); i++) {
            float[] saved = c.floats(prefix + i);
            System.arraycopy(saved, 0, dense.get(i), 0, saved.length);
        }
    }
}

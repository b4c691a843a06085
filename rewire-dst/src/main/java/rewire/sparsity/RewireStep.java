package rewire.sparsity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rewire.kernel.Kernels;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.sparse.Patterns;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/**
 * One update of a {@link Rewirer}: prune every layer, settle growth counts, grow every layer,
 * then apply one remap per layer. Layer {@code i} draws from {@code stepRng.fold(i)}, split into
 * independent streams for the shrink, drop, grow, init and ablation stages. With
 * {@link NeuronAblation}, pruning starts by choosing each layer's active rows (every layer but the
 * last, the model's output, as in SRigL), and the layer keeps its constraint over those rows for
 * the rest of the update.
 */
final class RewireStep {
    static final int SHRINK = 0;
    static final int DROP = 1;
    static final int GROW = 2;
    private static final int INIT = 3;
    private static final int ABLATE = 4;

    private final Rewirer cfg;
    private final long step;
    private final List<LayerView> layers;
    private final Slots slots;
    private final RewireState state;
    private final Rng stepRng;
    private final Kernels kernels;
    private final SparsityPattern[] before;
    private final SparsityPattern[] kept;
    private final Constraint[] constraint;
    private final long[] ablationFlops;
    private final int[] target;

    private final double zeta;

    RewireStep(Rewirer cfg, long step, List<LayerView> layers, Slots slots, RewireState state, Rng stepRng,
               Kernels kernels, int[] target, double zeta) {
        this.cfg = cfg;
        this.step = step;
        this.layers = state.attach(layers);
        this.slots = slots;
        this.state = state;
        this.stepRng = stepRng;
        this.kernels = kernels;
        this.before = new SparsityPattern[layers.size()];
        this.kept = new SparsityPattern[layers.size()];
        this.constraint = new Constraint[layers.size()];
        Arrays.fill(constraint, cfg.constraint());
        this.ablationFlops = new long[layers.size()];
        this.target = target;
        this.zeta = zeta;
    }

    /** The generator of one layer and stage. */
    Rng rng(int layer, int stage) {
        return stepRng.fold(layer).fold(stage);
    }

    RewireReport run() {
        for (int l = 0; l < layers.size(); l++) {
            before[l] = layers.get(l).param().pattern();
            String defect = cfg.constraint().violation(before[l]);
            if (defect != null) {
                throw new IllegalStateException(layers.get(l).param().name() + " breaks its constraint before the "
                        + "update: " + defect);
            }
        }
        Selection[] grown;
        if (cfg.scope() == Scope.GLOBAL) {
            GlobalRanking global = new GlobalRanking(this);
            global.prune(zeta);
            grown = global.grow();
        } else {
            double[] rates = cfg.grow().pruneRates(layers, zeta, slots);
            for (int l = 0; l < layers.size(); l++) {
                kept[l] = prune(l, rates[l]);
            }
            if (cfg.afterPrune() != null) {
                changeAfterPrune();
            }
            grown = growPerLayer();
        }
        List<RewireReport.Layer> reports = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            reports.add(apply(l, grown[l]));
        }
        return new RewireReport(step, true, reports);
    }

    // the configured change to the kept patterns, checked to only remove entries
    private void changeAfterPrune() {
        SparsityPattern[] changed = cfg.afterPrune().apply(kept.clone());
        for (int l = 0; l < kept.length; l++) {
            if (Remap.between(kept[l], changed[l]).grown() != 0) {
                throw new IllegalStateException(layers.get(l).param().name() + ": the change after pruning added "
                        + "entries; it may only remove them");
            }
            kept[l] = changed[l];
        }
    }

    // the pattern left after pruning layer l
    private SparsityPattern prune(int l, double zeta) {
        SparseParam param = layers.get(l).param();
        SparsityPattern p = before[l];
        DropRule.Counts counts = cfg.dropRule().counts(p.nnz(), target[l], zeta);
        if (counts.pruned() == 0) {
            return p;
        }
        if (cfg.ablation() != null && l < layers.size() - 1) {
            ablate(l, counts.pruned());
        }
        boolean[] alive = null;
        if (counts.shrink() > 0) {
            PruneCriterion c = shrinkCriterion();
            alive = constraint[l].keep(p, c.scores(param), c.keyRule(step), rng(l, SHRINK), counts.shrink(),
                    target[l]);
            p = Patterns.subset(p, alive);
        }
        float[] scores = restrict(cfg.prune().scores(param), alive);
        boolean[] keep = constraint[l].keep(p, scores, cfg.prune().keyRule(step), rng(l, DROP), counts.drop(),
                target[l]);
        return Patterns.subset(p, keep);
    }

    // chooses layer l's active rows and holds its constraint to them for this update
    private void ablate(int l, int pruneCount) {
        LayerView layer = layers.get(l);
        SparsityPattern p = before[l];
        ScoredGrowth grow = cfg.grow().asScored();
        ScoreSource growScores = grow.source(layer, p, kernels);
        NeuronAblation.Decision d = cfg.ablation().activeRows(p, cfg.prune().scores(layer.param()), growScores,
                p.nnz() - pruneCount, pruneCount, target[l], rng(l, ABLATE), cfg.tileFloats());
        constraint[l] = ((Grouped) cfg.constraint()).overRows(d.active());
        // gradient scores reach the FLOP account with the step's weight gradient once; this was a second pass
        long denseGradient = grow.scorer() instanceof GradientScorer
                ? 2L * p.rows() * p.cols() * layer.activations().cols() : 0;
        ablationFlops[l] = d.scoringFlops() + denseGradient;
    }

    PruneCriterion shrinkCriterion() {
        return cfg.shrinkPrune() != null ? cfg.shrinkPrune() : cfg.prune();
    }

    // the entries of `scores` whose flag is set (all of them when flags is null)
    static float[] restrict(float[] scores, boolean[] flags) {
        if (flags == null) {
            return scores;
        }
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        float[] out = new float[n];
        for (int e = 0, w = 0; e < scores.length; e++) {
            if (flags[e]) {
                out[w++] = scores[e];
            }
        }
        return out;
    }

    private Selection[] growPerLayer() {
        int n = layers.size();
        int[] counts = new int[n];
        int[] room = new int[n];
        for (int l = 0; l < n; l++) {
            counts[l] = Math.max(0, target[l] - kept[l].nnz());
            room[l] = (int) ((long) kept[l].rows() * kept[l].cols() - kept[l].nnz());
        }
        if (cfg.grow().redistributes()) {
            counts = cfg.grow().redistribute(layers, counts, room, slots);
        }
        Selection[] out = new Selection[n];
        for (int l = 0; l < n; l++) {
            GrowRequest req = GrowRequest.of(layers.get(l), kept[l], exclusion(l), kept[l].nnz() + counts[l],
                    constraint[l], rng(l, GROW), kernels, cfg.tileFloats());
            out[l] = req.count() == 0 ? Selection.empty() : cfg.grow().select(req);
        }
        return out;
    }

    /** Positions growth may not pick in layer l: the kept pattern, or the old one when pruned positions may not return. */
    SparsityPattern exclusion(int l) {
        return cfg.grow().regrowsPruned() ? kept[l] : before[l];
    }

    // moves layer l to kept + grown through one remap
    private RewireReport.Layer apply(int l, Selection grown) {
        SparseParam param = layers.get(l).param();
        SparsityPattern next = grown.addedTo(kept[l]);
        String defect = constraint[l].violation(next);
        if (defect != null) {
            throw new IllegalStateException(param.name() + ": the rewired pattern breaks its constraint: " + defect);
        }
        Remap remap = Remap.between(before[l], next);
        param.remap(remap, cfg.init().values(next, remap.grownEntries(), rng(l, INIT)));
        slots.remap(param, remap);
        state.remap(l, remap);
        int regrown = grown.size() - remap.grown();
        return new RewireReport.Layer(param.name(), param.rows(), param.cols(), before[l].nnz(),
                before[l].nnz() - kept[l].nnz(), grown.size(), regrown, next.nnz(), emptyRows(next),
                state.explorationRate(l), grown.scoringFlops() + ablationFlops[l]);
    }

    static int emptyRows(SparsityPattern p) {
        int n = 0;
        for (int r = 0; r < p.rows(); r++) {
            n += p.rowEnd(r) == p.rowStart(r) ? 1 : 0;
        }
        return n;
    }

    // accessors for GlobalRanking
    Rewirer config() {
        return cfg;
    }

    long step() {
        return step;
    }

    List<LayerView> layers() {
        return layers;
    }

    SparsityPattern before(int l) {
        return before[l];
    }

    void setKept(int l, SparsityPattern p) {
        kept[l] = p;
    }

    SparsityPattern kept(int l) {
        return kept[l];
    }

    int target(int l) {
        return target[l];
    }

    Kernels kernels() {
        return kernels;
    }
}

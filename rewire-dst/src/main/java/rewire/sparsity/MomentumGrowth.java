package rewire.sparsity;

import java.util.Arrays;
import java.util.List;
import rewire.optim.MomentRule;
import rewire.optim.Slots;
import rewire.sparse.SparsityPattern;

/**
 * Sparse momentum growth (SNFS; Dettmers and Zettlemoyer 2019, "Sparse Networks from Scratch:
 * Faster Training without Losing Performance", METHODS I.4). Two parts:
 * <ol>
 *   <li>Redistribution: the connections removed from all layers are regrown across layers in
 *       proportion to each layer's mean |momentum| over its active connections (the optimizer's
 *       moments, {@link OptimizerMomentum}), a layer taking at most 99% of its free positions, the
 *       overflow going to the others. The counts are whole numbers by largest remainder, so the
 *       total is conserved exactly; the reference's rounding and its smoothing term for the drift
 *       are therefore not needed.</li>
 *   <li>Positions: within a layer, the inactive positions of largest |momentum| from the layer's
 *       {@link DenseMomentum}, the state this criterion creates ({@link #newState}) with the
 *       optimizer's own moment rule and a {@link RewireState} feeds every step.</li>
 *   <li>Prune rates ({@link #pruneRates}): the reference's cap for dense layers that are still
 *       growing, reset to the schedule's rate at every update.</li>
 * </ol>
 * One difference is kept on purpose: a grown connection starts with zero optimizer moments (the
 * engine's rule for every grower, METHODS' "grown weights start at 0"), where the reference's
 * dense buffers keep the momentum the position gathered while inactive.
 */
record MomentumGrowth() implements GrowCriterion {

    private static final double ROOM_SHARE = 0.99;
    private static final double DENSE_SPARSITY = 0.2;

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public Selection select(GrowRequest request) {
        if (!(request.layer().growState() instanceof DenseMomentum momentum)) {
            throw new IllegalStateException(request.layer().param().name() + ": momentum growth needs the layer's "
                    + "dense momentum; pass the RewireState made by Rewirer.newState to maybeRewire");
        }
        return new ScoredGrowth(name(), (layer, kept, kernels) -> momentum::absRows, KeyRule.top()).select(request);
    }

    @Override
    public CriterionState newState(int rows, int cols, MomentRule optimizerMoments) {
        return new DenseMomentum(rows, cols, optimizerMoments);
    }

    @Override
    public boolean needsDenseMomentum() {
        return true;
    }

    @Override
    public boolean redistributes() {
        return true;
    }

    /**
     * The reference's {@code adjust_prune_rate}: every update starts from the schedule's rate, and a
     * layer under {@value #DENSE_SPARSITY} sparsity whose share of the growth is above the mean
     * share {@code 1/n} (a dense layer that is still growing) prunes at most its sparsity, so that
     * it is not emptied of more weights than it has free positions to take back.
     */
    @Override
    public double[] pruneRates(List<LayerView> layers, double zeta, Slots optimizerSlots) {
        double[] share = shares(layers, optimizerSlots);
        double sum = Arrays.stream(share).sum();
        double[] rates = new double[layers.size()];
        for (int i = 0; i < rates.length; i++) {
            SparsityPattern p = layers.get(i).param().pattern();
            double sparsity = 1 - p.density();
            boolean growing = sum > 0 && share[i] / sum > 1.0 / rates.length;
            rates[i] = sparsity < DENSE_SPARSITY && growing ? Math.min(sparsity, zeta) : zeta;
        }
        return rates;
    }

    // each layer's mean |momentum| over its active weights (0 when not finite): its unnormalized share of the growth
    private static double[] shares(List<LayerView> layers, Slots optimizerSlots) {
        double[] share = new double[layers.size()];
        for (int i = 0; i < share.length; i++) {
            double mean = OptimizerMomentum.meanAbs(optimizerSlots, layers.get(i).param());
            share[i] = Double.isFinite(mean) ? mean : 0;
        }
        return share;
    }

    @Override
    public int[] redistribute(List<LayerView> layers, int[] counts, int[] room, Slots optimizerSlots) {
        int n = layers.size();
        double[] share = shares(layers, optimizerSlots);
        long[] caps = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            caps[i] = (long) Math.floor(ROOM_SHARE * room[i]);
            total += counts[i];
        }
        long[] parts = Apportion.proportional(share, total, caps);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) parts[i];
        }
        return out;
    }
}

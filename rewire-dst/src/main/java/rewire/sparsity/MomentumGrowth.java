package rewire.sparsity;

import java.util.List;
import rewire.optim.Slots;

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
 *       {@link DenseMomentum}, the state this criterion creates ({@link #newState}) and a
 *       {@link RewireState} feeds every step.</li>
 * </ol>
 * Not ported: the reference lowers the prune rate of a layer that is less than 20% sparse and
 * receives more than its share, and it resets inactive momentum to the mean active momentum after
 * each update.
 */
record MomentumGrowth() implements GrowCriterion {

    private static final double ROOM_SHARE = 0.99;

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
    public CriterionState newState(int rows, int cols) {
        return new DenseMomentum(rows, cols, DenseMomentum.SNFS_BETA);
    }

    @Override
    public boolean needsDenseMomentum() {
        return true;
    }

    @Override
    public boolean redistributes() {
        return true;
    }

    @Override
    public int[] redistribute(List<LayerView> layers, int[] counts, int[] room, Slots optimizerSlots) {
        int n = layers.size();
        double[] share = new double[n];
        long[] caps = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            double mean = OptimizerMomentum.meanAbs(optimizerSlots, layers.get(i).param());
            share[i] = Double.isFinite(mean) ? mean : 0;
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

package rewire.sparsity.ch;

import rewire.sparsity.GrowCriterion;

/**
 * Growth by Cannistraci-Hebb link prediction as a {@link GrowCriterion} of the DST engine
 * (Zhang et al., CHT, ICLR 2024; CHTs/CHTss, NeurIPS 2025; METHODS E.1, E.3): the engine asks for
 * the scores of a band of rows at a time and keeps the best free positions, so memory stays
 * bounded by the band. The scores are computed on the pattern left after pruning.
 */
public final class CannistraciHebbGrowth {
    private CannistraciHebbGrowth() {
    }

    /** Hard top-k by the CH score of {@code variant} (node-based L3n formulation). */
    public static GrowCriterion criterion(CHVariant variant) {
        String name = variant.name().toLowerCase(java.util.Locale.ROOT) + "-l3n";
        return GrowCriterion.scored(name, (layer, kept, kernels) -> (row0, count, out) -> {
            float[] rows = CannistraciHebb.scoreRows(kept, variant, row0, row0 + count);
            System.arraycopy(rows, 0, out, 0, count * kept.cols());
        });
    }

}

package rewire.sparsity.ch;

import java.util.Locale;
import rewire.sparsity.GrowCriterion;

/**
 * Growth by Cannistraci-Hebb link prediction as a {@link GrowCriterion} of the DST engine
 * (Zhang et al., CHT, ICLR 2024; CHTs/CHTss, NeurIPS 2025; METHODS E.1, E.3): the engine asks for
 * the scores of a band of rows at a time and keeps the best free positions, so memory stays
 * bounded by the band. The scores are computed on the pattern left after pruning.
 *
 * <p>The criterion reports what scoring cost ({@code Selection.scoringFlops()}, in the layer's
 * {@code RewireReport.Layer}), which a training run adds to its FLOPs as rewiring overhead. For a
 * layer {@code M : (out, in)} scored in bands {@code b} of {@code t} rows, with {@code N(i)} the
 * outputs other than {@code i} that share an input with {@code i}, and {@code C(l)} the inputs
 * other than {@code l} that share an output with {@code l}:
 * <pre>
 * FLOPs = Σ_i Σ_{j ∈ N(i)} (2 + deg(j))  +  Σ_b Σ_{l linked to b} |C(l)| · (2 + |rows of b linked to l|)
 * </pre>
 * two per pair factor ({@code F_o[i,j]}, {@code F_i[k,l]}: an addition and a division) and one per
 * term added into a score; counting shared neighbours is integer work and is not counted, nor are
 * comparisons and sampling keys. The paper evaluates the same matrix form
 * {@code S = F_o·M + (F_i·Mᵀ)ᵀ} with dense products, {@code O(N³)} for {@code N} nodes instead of
 * the path-based {@code O(N·d³)} of CH3-L3 (METHODS E.1): the four products {@code M·Mᵀ},
 * {@code Mᵀ·M}, {@code F_o·M}, {@code F_i·Mᵀ} are {@code 4·out·in·(out + in)} FLOPs. Walking only
 * the pattern's paths of length 3, the count here keeps the terms of that work that are not zero,
 * and stays below the dense figure for any band height.
 */
public final class CannistraciHebbGrowth {
    private CannistraciHebbGrowth() {
    }

    /** Hard top-k by the CH score of {@code variant} (node-based L3n formulation). */
    public static GrowCriterion criterion(CHVariant variant) {
        String name = variant.name().toLowerCase(Locale.ROOT) + "-l3n";
        return GrowCriterion.scored(name, (layer, kept, kernels) -> CannistraciHebb.scoreSource(kept, variant));
    }
}

package rewire.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import rewire.kernel.Kernels;
import rewire.sparsity.RewireReport;
import rewire.tensor.Rng;

/**
 * The hooks that carry each group's recipe into training: SR-STE for a group whose recipe trains
 * N:M by straight-through estimation, DynaDiag's temperature and freeze for a group whose recipe
 * learns diagonals, then the DST engine for a group whose recipe rewires. Group {@code i} rewires
 * with randomness from {@code Rng(seed).fold(REWIRE_STREAM + i)}.
 *
 * @param srSte     the SR-STE hooks, in group order
 * @param diagonals the DynaDiag hooks, in group order
 * @param rewire    the rewiring hooks, in group order
 */
public record SparsityHooks(List<SrSteHook> srSte, List<DiagonalSelectionHook> diagonals, List<RewireHook> rewire) {
    /** Key of the rewiring streams of a run's seed. */
    public static final long REWIRE_STREAM = 0x5EED_0001L;

    public SparsityHooks {
        srSte = List.copyOf(srSte);
        diagonals = List.copyOf(diagonals);
        rewire = List.copyOf(rewire);
    }

    /** The hooks for {@code workload}'s groups; {@code reports} receives every rewire report (or is null). */
    public static SparsityHooks of(Workload workload, long seed, Kernels kernels,
                                   BiConsumer<ParamGroup, RewireReport> reports) {
        List<SrSteHook> srSte = new ArrayList<>();
        List<DiagonalSelectionHook> diagonals = new ArrayList<>();
        List<RewireHook> rewire = new ArrayList<>();
        List<ParamGroup> groups = workload.groups();
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup g = groups.get(i);
            if (g.recipe() == null) {
                continue;
            }
            if (g.recipe().srSte() != null) {
                srSte.add(new SrSteHook(g));
            }
            if (g.recipe().diagonals() != null) {
                diagonals.add(new DiagonalSelectionHook(g, reports));
            }
            rewire.add(new RewireHook(g, new Rng(seed).fold(REWIRE_STREAM + i), kernels, reports));
        }
        return new SparsityHooks(srSte, diagonals, rewire);
    }

    /** SR-STE hooks first (they restore the dense weights before the engine looks), then DynaDiag, then rewiring. */
    public List<Hook> all() {
        List<Hook> all = new ArrayList<>(srSte);
        all.addAll(diagonals);
        all.addAll(rewire);
        return all;
    }

    /** The rewiring hook of {@code group}, or null when it has none. */
    public RewireHook rewireOf(ParamGroup group) {
        for (RewireHook h : rewire) {
            if (h.group() == group) {
                return h;
            }
        }
        return null;
    }
}

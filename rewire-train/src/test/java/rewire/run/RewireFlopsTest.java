package rewire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.kernel.Kernels;
import rewire.optim.Slots;
import rewire.sparsity.FlopCounter;
import rewire.sparsity.RewireReport;
import rewire.train.FlopHook;
import rewire.train.Hook;
import rewire.train.SparsityHooks;
import rewire.train.TrainState;
import rewire.train.Trainer;

/**
 * What a topology update costs is training FLOPs: a Cannistraci-Hebb run counts its products (the
 * per-step forward and backward of every layer) plus exactly the link-prediction FLOPs its rewire
 * reports carry, and a RigL run counts its products alone (its dense gradient is one of them).
 */
class RewireFlopsTest {
    private static final long STEPS = 4 * TinyWorkload.STEPS_PER_EPOCH;

    /** A run's training FLOPs, the rewire reports of its head and the products its steps computed. */
    private record Counted(long training, List<RewireReport> reports, long products) {
        long scoringFlops() {
            return reports.stream().mapToLong(RewireReport::scoringFlops).sum();
        }
    }

    private static Counted train(String recipe, Map<String, String> options, boolean denseGradient) {
        TinyWorkload w = new TinyWorkload(STEPS, recipe, options);
        List<RewireReport> reports = new ArrayList<>();
        SparsityHooks sparsity = SparsityHooks.of(w, 3, Kernels.defaults(), (group, report) -> reports.add(report));
        FlopHook flops = new FlopHook(w, sparsity);
        List<Hook> hooks = new ArrayList<>(sparsity.all());
        hooks.add(flops);
        new Trainer(w, hooks, Kernels.defaults()).run(new TrainState(w, new Slots(), 0, STEPS));
        for (RewireReport r : reports) {
            assertEquals(32, r.nnz(), "the sparse layer keeps its connection count, so every step has the same products");
        }
        FlopCounter layers = new FlopCounter(w.group().flopLayers());
        long plain = layers.stepFlops(TinyWorkload.BATCH, false);
        long update = layers.stepFlops(TinyWorkload.BATCH, denseGradient);
        long products = STEPS * plain + reports.size() * (update - plain);
        return new Counted(flops.trainingFlops(), reports, products);
    }

    @Test
    void chtCountsItsProductsPlusExactlyTheReportedScoringFlops() {
        Counted cht = train("cht", Map.of(), false);
        assertTrue(cht.reports().size() >= 3, "the head rewired every epoch: " + cht.reports().size());
        assertTrue(cht.reports().stream().allMatch(r -> r.scoringFlops() > 0), "every CH update scores candidates");
        assertEquals(cht.products() + cht.scoringFlops(), cht.training());
    }

    @Test
    void rigLCountsItsProductsAndNoScoring() {
        Counted rigl = train("rigl", Map.of("deltaT", "3", "distribution", "uniform"), true);
        assertTrue(rigl.reports().size() >= 3, "the head rewired: " + rigl.reports().size());
        assertEquals(0, rigl.scoringFlops());
        assertEquals(rigl.products(), rigl.training());
    }
}

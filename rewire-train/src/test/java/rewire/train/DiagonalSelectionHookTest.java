package rewire.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.nn.SparseLinear;
import rewire.optim.Optim;
import rewire.optim.Slots;
import rewire.recipe.Recipes;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.FlopCounter;
import rewire.sparsity.RewireReport;
import rewire.tensor.Rng;

/**
 * DynaDiag's hook: the temperature of each epoch before the freeze; at the freeze step the K
 * diagonals of largest logit stay, every optimizer slot follows its weight entry for entry, the
 * freeze is reported once, and later steps change nothing.
 */
class DiagonalSelectionHookTest {
    private static final long STEPS = 100;
    private static final long STEPS_PER_EPOCH = 10;

    @Test
    void theFreezeKeepsTheTopDiagonalsAndMovesTheSlotsWithTheirWeights() {
        // 6 x 8: P = 8 diagonals of length 6; density 0.25 -> K = ceil(0.25 * 48 / 6) = 2
        SparseLinear layer = SparseLinear.create("fc", 8, 6, 1.0, new Rng(3)).withDiagonalGate(2);
        ParamGroup group = ParamGroup.builder("model", layer).optimizer(Optim.sgd(0.1), null)
                .recipe(Recipes.standard().create("dynadiag", new Recipes.Plan(STEPS, STEPS_PER_EPOCH, 0.25),
                        Map.of("freezeFraction", "0.3", "denseLast", "false")))
                .sparseLayers(List.of(layer)).flopLayers(List.of(FlopCounter.Layer.dense("fc.weight", 8, 6))).build();
        float[] alpha = layer.diagonalGate().alpha().values();
        alpha[5] = 2f;
        alpha[1] = 1.5f;
        float[] before = layer.weight().values().clone();
        SparsityPattern full = layer.weight().pattern();
        Slots slots = new Slots();
        float[] marks = new float[full.nnz()];
        for (int e = 0; e < marks.length; e++) {
            marks[e] = e;  // each slot entry remembers the weight entry it belonged to
        }
        slots.put(layer.weight(), "momentum", marks);
        List<RewireReport> reports = new ArrayList<>();
        DiagonalSelectionHook hook = new DiagonalSelectionHook(group, (g, r) -> reports.add(r));

        hook.beforeStep(state(group, slots, 15));
        assertEquals(group.recipe().diagonals().temperature(15), layer.diagonalGate().temperature(), 1e-6);
        assertFalse(layer.diagonalGate().isFrozen());
        assertEquals(48, layer.weight().pattern().nnz());

        hook.beforeStep(state(group, slots, 30));
        SparsityPattern frozen = layer.weight().pattern();
        assertArrayEquals(new int[] {1, 5}, DiagonalPattern.fromCsr(frozen).diagonals(), "the two largest logits");
        assertTrue(layer.diagonalGate().isFrozen());
        float[] moved = slots.get(layer.weight(), "momentum");
        assertEquals(12, moved.length);
        for (int r = 0; r < frozen.rows(); r++) {
            for (int e = frozen.rowStart(r); e < frozen.rowEnd(r); e++) {
                int old = full.indexOf(r, frozen.colIdx()[e]);
                assertEquals(old, (int) moved[e], "slot entry of (" + r + ", " + frozen.colIdx()[e] + ")");
                assertEquals(before[old], layer.weight().values()[e], "a kept weight keeps its value (weight 1)");
            }
        }
        assertEquals(1, reports.size());
        assertEquals(36, reports.get(0).layers().get(0).pruned());

        hook.beforeStep(state(group, slots, 31));
        assertEquals(1, reports.size(), "the freeze happens once");
        assertEquals(frozen, layer.weight().pattern());
    }

    @Test
    void aGroupWithoutGatedLayersIsRefused() {
        SparseLinear plain = SparseLinear.create("fc", 8, 6, 1.0, new Rng(3));
        ParamGroup group = ParamGroup.builder("model", plain).optimizer(Optim.sgd(0.1), null)
                .recipe(Recipes.standard().create("dynadiag", new Recipes.Plan(STEPS, STEPS_PER_EPOCH, 0.25)))
                .sparseLayers(List.of(plain)).flopLayers(List.of(FlopCounter.Layer.dense("fc.weight", 8, 6))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DiagonalSelectionHook(group, null));
        assertTrue(e.getMessage().contains("diagonal gate"), e.getMessage());
    }

    private static TrainState state(ParamGroup group, Slots slots, long step) {
        return new TrainState(new OneGroup(group), slots, step, STEPS);
    }

    /** Just enough workload for a TrainState: the hook reads only the step and the slots. */
    private record OneGroup(ParamGroup group) implements Workload {
        @Override
        public String name() {
            return "one-group";
        }

        @Override
        public List<ParamGroup> groups() {
            return List.of(group);
        }

        @Override
        public long stepsPerEpoch() {
            return STEPS_PER_EPOCH;
        }

        @Override
        public StepResult step(StepContext context) {
            throw new UnsupportedOperationException("not trained here");
        }

        @Override
        public List<Score> scores() {
            return List.of();
        }

        @Override
        public Evaluation evaluate(long stepsDone) {
            throw new UnsupportedOperationException("not evaluated here");
        }
    }
}

package rewire.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.autodiff.Activations;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.Init;
import rewire.nn.InputObserver;
import rewire.nn.Linear;
import rewire.sparse.CsrMatrix;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** The layer-by-layer driver: which inputs each stage calibrates on, pruning in place, and the same bits from the same seed. */
class OneShotPrunerTest {

    /** Two linear layers with a ReLU between them, one stage each; calibration draws Gaussian inputs. */
    static final class TwoLayers implements PrunableModel {
        final Linear first = Linear.create("first", 6, 24, false, Init.kaimingNormal(), new Rng(1));
        final Linear second = Linear.create("second", 24, 4, false, Init.kaimingNormal(), new Rng(2));
        int passes;

        @Override
        public List<PruneTarget> pruneTargets() {
            return List.of(PruneTarget.of(0, first.weight(), first::observeInputs),
                    PruneTarget.of(1, second.weight(), second::observeInputs));
        }

        @Override
        public void calibrate(int sequences, Rng rng) {
            passes++;
            Tape tape = new Tape();
            second.forward(tape, Activations.relu(tape, first.forward(tape, Var.constant(input(sequences, rng)))));
        }

        static Tensor input(int sequences, Rng rng) {
            return Layers.inputs(rng, 6, sequences);           // (in, sequences)
        }
    }

    private static OneShotPruner.Settings settings(PruneMethod method, boolean recompute) {
        return new OneShotPruner.Settings(method, SparsityTarget.unstructured(0.5), 20, recompute, 7);
    }

    @Test
    void eachStageCalibratesOnThePrunedStagesBeforeItUnlessToldOtherwise() {
        List<CsrMatrix> seconds = new ArrayList<>();
        for (boolean recompute : new boolean[] {true, false}) {
            TwoLayers model = new TwoLayers();
            OneShotPruner.Result result = OneShotPruner.prune(model, settings(ScoreCriterion.WANDA, recompute));
            TwoLayers manual = new TwoLayers();
            LayerStatistics firstStats = stats(manual, manual.first, "first");
            CsrMatrix first = ScoreCriterion.WANDA.prune(WeightMatrix.of(manual.first.weight()), firstStats,
                    SparsityTarget.unstructured(0.5));
            LayerStatistics secondStats;
            if (recompute) {
                WeightMatrix.prune(manual.first.weight(), first);
                secondStats = stats(manual, manual.second, "second");
            } else {
                TwoLayers dense = new TwoLayers();
                secondStats = stats(dense, dense.second, "second");
            }
            CsrMatrix second = ScoreCriterion.WANDA.prune(WeightMatrix.of(manual.second.weight()), secondStats,
                    SparsityTarget.unstructured(0.5));
            assertEquals(first.pattern(), result.pruned().get("first.weight").pattern(), "recompute " + recompute);
            assertEquals(second.pattern(), result.pruned().get("second.weight").pattern(), "recompute " + recompute);
            assertEquals(recompute ? 2 : 1, model.passes, "calibration passes");
            seconds.add(second);
        }
        assertNotEquals(seconds.get(0).pattern(), seconds.get(1).pattern(), "the two orders should differ on this model");
    }

    // the squared norms of layer's inputs over one calibration pass of `model` with the pruner's seed
    private static LayerStatistics stats(TwoLayers model, Linear layer, String name) {
        LayerStatistics s = new LayerStatistics(name, layer.in(), EnumSet.of(Statistic.SQUARED_NORMS));
        layer.observeInputs(s::add);
        model.calibrate(20, new Rng(7));
        layer.observeInputs(InputObserver.NONE);
        return s;
    }

    @Test
    void prunedDenseWeightsHoldZerosOffThePatternAndTheSameSeedGivesTheSameBits() {
        TwoLayers a = new TwoLayers();
        TwoLayers b = new TwoLayers();
        OneShotPruner.Result ra = OneShotPruner.prune(a, settings(SparseGpt.defaults(), true));
        OneShotPruner.Result rb = OneShotPruner.prune(b, settings(SparseGpt.defaults(), true));
        assertArrayEquals(a.first.weight().values(), b.first.weight().values());
        assertArrayEquals(ra.pruned().get("second.weight").values(), rb.pruned().get("second.weight").values());
        CsrMatrix second = ra.pruned().get("second.weight");
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 24; c++) {
                assertEquals(second.get(r, c), a.second.weight().values()[r * 24 + c], "(" + r + ", " + c + ")");
            }
        }
        assertEquals(0.5, ra.report().density(), 1e-12);
        TwoLayers other = new TwoLayers();
        OneShotPruner.prune(other, new OneShotPruner.Settings(SparseGpt.defaults(), SparsityTarget.unstructured(0.5), 20,
                true, 8));
        assertNotEquals(Arrays.toString(a.second.weight().values()),
                Arrays.toString(other.second.weight().values()), "another calibration draw");
    }

    @Test
    void magnitudeNeedsNoCalibrationPass() {
        TwoLayers model = new TwoLayers();
        OneShotPruner.Result r = OneShotPruner.prune(model, new OneShotPruner.Settings(ScoreCriterion.MAGNITUDE,
                SparsityTarget.nOfM(1, 2), 0, true, 1));
        assertEquals(0, model.passes);
        assertEquals(0, r.report().calibration());
        assertEquals(0.5, r.report().density(), 1e-12);
    }
}

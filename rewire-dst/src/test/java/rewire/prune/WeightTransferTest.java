package rewire.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** A dense model's pruned layers go into a model built sparse as CSR; every other parameter by name. */
class WeightTransferTest {

    @Test
    void prunedLayersBecomeTheSparseLayersAndTheRestIsCopiedByName() {
        Rng rng = new Rng(1);
        DenseParam weight = Layers.weight(rng, 3, 4);
        DenseParam bias = new DenseParam("layer.bias", Layers.gaussian(rng, 1, 3));
        CsrMatrix pruned = ScoreCriterion.MAGNITUDE.prune(WeightMatrix.of(weight), null, SparsityTarget.nOfM(2, 4));
        SparseParam sparse = new SparseParam("layer.weight", CsrMatrix.zeros(Patterns.random(3, 4, 5, rng)));
        DenseParam targetBias = new DenseParam("layer.bias", Tensor.zeros(1, 3));
        WeightTransfer.copy(List.of(weight, bias), Map.of("layer.weight", pruned), List.of(targetBias, sparse));
        assertEquals(pruned.pattern(), sparse.pattern());
        assertArrayEquals(pruned.values(), sparse.values());
        assertArrayEquals(bias.values(), targetBias.values());
    }

    @Test
    void aMissingOrMismatchedParameterIsNamed() {
        Rng rng = new Rng(2);
        List<Param> from = List.of(Layers.weight(rng, 3, 4));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> WeightTransfer.copy(from,
                Map.of(), List.of(new DenseParam("other.weight", Tensor.zeros(3, 4)))));
        assertTrue(missing.getMessage().contains("other.weight"), missing.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> WeightTransfer.copy(from,
                Map.of(), List.of(new DenseParam("layer.weight", Tensor.zeros(4, 3)))));
        assertTrue(shape.getMessage().contains("layer.weight"), shape.getMessage());
    }
}

package rewire.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** A soup is the mean of its ingredients, on their shared pattern; ingredients of another pattern are refused. */
class ModelSoupTest {

    private static List<Param> model(float bias, float... sparseValues) {
        CsrMatrix w = new CsrMatrix(Patterns.fromSortedPositions(2, 3, new long[] {0, 4, 5}), sparseValues);
        return List.of(new SparseParam("fc.weight", w), new DenseParam("fc.bias", Tensor.zeros(2).fill(bias)));
    }

    @Test
    void everyValueIsTheIngredientsMeanAndThePatternStays() {
        List<Param> soup = model(0, 0, 0, 0);
        ModelSoup.average(List.of(model(1, 1, 2, 3), model(2, 3, 4, 5), model(6, 5, 0, 1)), soup);
        SparseParam w = (SparseParam) soup.get(0);
        assertEquals(3, w.pattern().nnz());
        assertEquals(3f, w.values()[0]);
        assertEquals(2f, w.values()[1]);
        assertEquals(3f, w.values()[2]);
        assertEquals(3f, soup.get(1).values()[1]);
    }

    @Test
    void anIngredientOnAnotherPatternIsRefusedByName() {
        CsrMatrix other = new CsrMatrix(Patterns.random(2, 3, 3, new Rng(9)), new float[3]);
        List<Param> odd = List.of(new SparseParam("fc.weight", other), new DenseParam("fc.bias", Tensor.zeros(2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSoup.average(List.of(model(1, 1, 2, 3), odd), model(0, 0, 0, 0)));
        assertTrue(e.getMessage().contains("fc.weight"), e.getMessage());
    }
}

package rewire.sparsity.ch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import rewire.sparse.CsrMatrix;
import rewire.sparsity.RelativeImportance;

class RelativeImportanceTest {

    @Test
    void scoresAreTheShareOfBothNeuronTotals() {
        // W = [1 -2]   column totals |W|: 1, 5; row totals: 3, 3
        //     [0  3]   (0 is absent)
        CsrMatrix w = new CsrMatrix(L3nReference.pattern(new int[][] {{1, 1}, {0, 1}}), new float[] {1, -2, 3});
        float[] ri = RelativeImportance.scores(w);
        double eps = RelativeImportance.EPSILON;
        assertEquals((float) (1 / (1 + eps) + 1 / (3 + eps)), ri[0]);
        assertEquals((float) (2 / (5 + eps) + 2 / (3 + eps)), ri[1]);
        assertEquals((float) (3 / (5 + eps) + 3 / (3 + eps)), ri[2]);
    }
}

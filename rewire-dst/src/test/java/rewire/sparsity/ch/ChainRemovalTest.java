package rewire.sparsity.ch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import rewire.sparse.SparsityPattern;

class ChainRemovalTest {

    @Test
    void deadHiddenNeuronsLoseTheirOtherSide() {
        // hidden 0: inputs {0,1}, outputs {0}    -> alive
        // hidden 1: inputs {1},   no outputs     -> loses its input link
        // hidden 2: no inputs,    outputs {0,1}  -> loses both output links
        SparsityPattern first = L3nReference.pattern(new int[][] {{1, 1}, {0, 1}, {0, 0}});      // (3, 2)
        SparsityPattern second = L3nReference.pattern(new int[][] {{1, 0, 1}, {0, 0, 1}});       // (2, 3)
        ChainRemoval.Pair kept = ChainRemoval.consecutive(first, second);
        assertEquals(L3nReference.pattern(new int[][] {{1, 1}, {0, 0}, {0, 0}}), kept.first());
        assertEquals(L3nReference.pattern(new int[][] {{1, 0, 0}, {0, 0, 0}}), kept.second());
    }

    @Test
    void neuronsMissingOneSideLoseTheOther() {
        // hidden 0 has an input but no output; hidden 1 has an output but no input
        SparsityPattern first = L3nReference.pattern(new int[][] {{1}, {0}});    // (2, 1)
        SparsityPattern second = L3nReference.pattern(new int[][] {{0, 1}});     // (1, 2)
        ChainRemoval.Pair kept = ChainRemoval.consecutive(first, second);
        assertEquals(0, kept.first().nnz());
        assertEquals(0, kept.second().nnz());
    }

    @Test
    void healthyLayersAreReturnedUnchanged() {
        SparsityPattern first = L3nReference.pattern(new int[][] {{1, 0}, {0, 1}});
        SparsityPattern second = L3nReference.pattern(new int[][] {{1, 1}});
        ChainRemoval.Pair kept = ChainRemoval.consecutive(first, second);
        assertSame(first, kept.first());
        assertSame(second, kept.second());
    }

    @Test
    void queryAndKeyRowsLiveOrDieTogether() {
        SparsityPattern query = L3nReference.pattern(new int[][] {{1, 0}, {0, 1}, {0, 0}});          // (3, 2)
        SparsityPattern key = L3nReference.pattern(new int[][] {{0, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}); // (3, 4)
        ChainRemoval.Pair kept = ChainRemoval.queryKey(query, key);
        assertEquals(L3nReference.pattern(new int[][] {{0, 0}, {0, 1}, {0, 0}}), kept.first());
        assertEquals(L3nReference.pattern(new int[][] {{0, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 0}}), kept.second());
    }

    @Test
    void mismatchedShapesAreRejected() {
        SparsityPattern a = L3nReference.pattern(new int[][] {{1, 1}, {1, 1}});
        SparsityPattern b = L3nReference.pattern(new int[][] {{1, 1, 1}});
        assertThrows(IllegalArgumentException.class, () -> ChainRemoval.consecutive(a, b));
        assertThrows(IllegalArgumentException.class, () -> ChainRemoval.queryKey(a, b));
    }
}

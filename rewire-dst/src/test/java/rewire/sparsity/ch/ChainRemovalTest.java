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

    @Test
    void alongAnMlpEachPairIsCutOnceFromTheInputSide() {
        // hidden layer a: neuron 1 has no output in the second layer; hidden layer b: neuron 0 has no input
        SparsityPattern first = L3nReference.pattern(new int[][] {{1, 0}, {1, 1}});        // (2, 2)
        SparsityPattern second = L3nReference.pattern(new int[][] {{0, 0}, {1, 0}});       // (2, 2)
        SparsityPattern third = L3nReference.pattern(new int[][] {{1, 1}});                // (1, 2)
        SparsityPattern[] kept = ChainRemoval.alongMlp(new SparsityPattern[] {first, second, third});
        assertEquals(L3nReference.pattern(new int[][] {{1, 0}, {0, 0}}), kept[0]);
        assertEquals(L3nReference.pattern(new int[][] {{0, 0}, {1, 0}}), kept[1]);
        assertEquals(L3nReference.pattern(new int[][] {{0, 1}}), kept[2], "b's neuron 0 had no input: its output goes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChainRemoval.alongMlp(new SparsityPattern[] {first, L3nReference.pattern(new int[][] {{1, 1, 1}})}));
        assertEquals("chain removal needs sparse layers that feed each other in order (a plain MLP): layer 0 is 2 x 2,"
                + " layer 1 is 1 x 3", e.getMessage());
    }
}

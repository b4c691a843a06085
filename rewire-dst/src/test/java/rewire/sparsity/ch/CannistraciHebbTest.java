package rewire.sparsity.ch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.kernel.TopK;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

class CannistraciHebbTest {

    /*
     * A 3x3 chain out0-in1-out1-in2-out2 plus out0-in0:
     *   M = [1 1 0]   deg_out = (2, 2, 1), deg_in = (1, 2, 2)
     *       [0 1 1]   shared inputs: (out0, out1) = {in1}, (out1, out2) = {in2}
     *       [0 0 1]   shared outputs: (in0, in1) = {out0}, (in1, in2) = {out1}
     * Every pair shares one neighbour and every external count max(deg - 1 - 1, 0) is 0, so each
     * pair weighs 1 (CH3) or (1 + 1) / 1 = 2 (CH2). Each missing link closed by one L3 path gets
     * that weight twice, once through the output pair and once through the input pair:
     *   (0,2): out0-in1-out1-in2   CH3 1 + 1 = 2, CH2 4
     *   (1,0): out1-in1-out0-in0   CH3 2, CH2 4
     *   (2,1): out2-in2-out1-in1   CH3 2, CH2 4
     *   (2,0): no L3 path          0
     */
    private static final int[][] CHAIN = {{1, 1, 0}, {0, 1, 1}, {0, 0, 1}};

    /*
     * A 4x4 layer where external links differ:
     *   M = [1 1 0 0]   rows N(0) = {0,1}, N(1) = {0,2,3}, N(2) = {1,2}, N(3) = {3}; deg_out = (2,3,2,1)
     *       [1 0 1 1]   columns C0 = {0,1}, C1 = {0,2}, C2 = {1,2}, C3 = {1,3}; deg_in = (2,2,2,2)
     *       [0 1 1 0]
     *       [0 0 0 1]
     * Output pairs sharing one input: (0,1), (0,2), (1,2), (1,3). e_o[i,j] = max(deg_out(j) - 2, 0):
     *   e_o[0,1] = e_o[2,1] = e_o[3,1] = 1, all others 0, so CH3 F_o[i,1] = 1/2 for i = 0, 2, 3 and
     *   F_o = 1 elsewhere on those pairs.
     * Input pairs sharing one output: (0,1), (0,2), (0,3), (1,2), (2,3); deg_in = 2 gives e_i = 0,
     *   so F_i = 1 on them (and F_i[1,3] = 0).
     * CH3, S[i,k] = Σ_{j≠i} F_o[i,j] M[j,k] + Σ_{l ∈ N(i)} F_i[k,l]:
     *   (0,2) = F_o[0,1] + F_o[0,2] + F_i[2,0] + F_i[2,1] = 1/2 + 1 + 1 + 1 = 3.5
     *   (0,3) = F_o[0,1]            + F_i[3,0]            = 1/2 + 1         = 1.5
     *   (1,1) = F_o[1,0] + F_o[1,2] + F_i[1,0] + F_i[1,2] = 1 + 1 + 1 + 1   = 4
     *   (2,0) = F_o[2,0] + F_o[2,1] + F_i[0,1] + F_i[0,2] = 1 + 1/2 + 1 + 1 = 3.5
     *   (2,3) = F_o[2,1]            + F_i[3,2]            = 1/2 + 1         = 1.5
     *   (3,0) = F_o[3,1]            + F_i[0,3]            = 1/2 + 1         = 1.5
     *   (3,1) = F_o[3,1]·M[1,1] + F_i[1,3]                = 0
     *   (3,2) = F_o[3,1]            + F_i[2,3]            = 1/2 + 1         = 1.5
     * CH2 weighs every pair (1 + 1)/(e + 1), twice the CH3 factor here, so every score doubles.
     */
    private static final int[][] MIXED = {{1, 1, 0, 0}, {1, 0, 1, 1}, {0, 1, 1, 0}, {0, 0, 0, 1}};
    private static final float[] MIXED_CH3 = {
        0, 0, 3.5f, 1.5f,
        0, 4, 0, 0,
        3.5f, 0, 0, 1.5f,
        1.5f, 0, 1.5f, 0};

    /*
     * A 4x4 layer with a pair sharing two neighbours, where CH2 and CH3 rank differently:
     *   M = [1 1 1 0]   N(0) = {0,1,2}, N(1) = {0,1,3}, N(2) = {2,3}, N(3) = {1}; deg_out = (3,3,2,1)
     *       [1 1 0 1]   C0 = {0,1}, C1 = {0,1,3}, C2 = {0,2}, C3 = {1,2}; deg_in = (2,3,2,2)
     *       [0 0 1 1]
     *       [0 1 0 0]
     * Link (3,0): output pairs (3,0) and (3,1) share input 1, with e = max(3 - 1 - 1, 0) = 1 for
     *   both, so F_o = (1+1)/(1+1) = 1 (CH2) or 1/2 (CH3), and M[0,0] = M[1,0] = 1: term 2 or 1.
     *   Input pair (0,1) shares outputs {0,1}: A = 2, e = max(deg_in(1) - 2 - 1, 0) = 0, so
     *   F_i[0,1] = (2+1)/1 = 3 (CH2) or 1 (CH3); N(3) = {1}: term 3 or 1.
     *   S(3,0) = 5 (CH2), 2 (CH3).
     */
    private static final int[][] SHARED_TWO = {{1, 1, 1, 0}, {1, 1, 0, 1}, {0, 0, 1, 1}, {0, 1, 0, 0}};

    @Test
    void chainScoresMatchTheHandComputation() {
        SparsityPattern p = L3nReference.pattern(CHAIN);
        assertArrayEquals(new float[] {0, 0, 2, 2, 0, 0, 0, 2, 0}, CannistraciHebb.scoreRows(p, CHVariant.CH3, 0, 3));
        assertArrayEquals(new float[] {0, 0, 4, 4, 0, 0, 0, 4, 0}, CannistraciHebb.scoreRows(p, CHVariant.CH2, 0, 3));
    }

    @Test
    void mixedScoresMatchTheHandComputation() {
        SparsityPattern p = L3nReference.pattern(MIXED);
        assertArrayEquals(MIXED_CH3, CannistraciHebb.scoreRows(p, CHVariant.CH3, 0, 4));
        float[] ch2 = CannistraciHebb.scoreRows(p, CHVariant.CH2, 0, 4);
        for (int i = 0; i < ch2.length; i++) {
            assertEquals(2 * MIXED_CH3[i], ch2[i], "position " + i);
        }
    }

    @Test
    void twoSharedNeighboursSeparateCh2FromCh3() {
        SparsityPattern p = L3nReference.pattern(SHARED_TWO);
        assertEquals(5f, CannistraciHebb.scoreRows(p, CHVariant.CH2, 3, 4)[0]);
        assertEquals(2f, CannistraciHebb.scoreRows(p, CHVariant.CH3, 3, 4)[0]);
    }

    @Test
    void rowRangesAreSlicesOfTheWholeScore() {
        SparsityPattern p = L3nReference.pattern(MIXED);
        float[] rows1to3 = CannistraciHebb.scoreRows(p, CHVariant.CH3, 1, 3);
        float[] expected = new float[8];
        System.arraycopy(MIXED_CH3, 4, expected, 0, 8);
        assertArrayEquals(expected, rows1to3);
    }

    /** METHODS E.9: the L3n score equals a brute-force implementation on a random 6x5 mask, as floats. */
    @Test
    void randomSixByFiveMaskEqualsBruteForceExactly() {
        for (long seed = 0; seed < 20; seed++) {
            SparsityPattern p = Patterns.random(6, 5, 12, new Rng(seed));
            for (CHVariant v : CHVariant.values()) {
                double[] reference = L3nReference.scores(p, v);
                float[] scores = CannistraciHebb.scoreRows(p, v, 0, 6);
                for (int i = 0; i < scores.length; i++) {
                    assertEquals((float) reference[i], scores[i], "seed " + seed + " " + v + " position " + i);
                }
            }
        }
    }

    /** METHODS E.9: the score is zero on active positions. */
    @Test
    void scoreIsZeroOnThePattern() {
        SparsityPattern p = Patterns.random(9, 7, 30, new Rng(3));
        float[] scores = CannistraciHebb.scoreRows(p, CHVariant.CH2, 0, 9);
        boolean[] mask = Patterns.toMask(p);
        boolean anyPositive = false;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                assertEquals(0f, scores[i], "active position " + i);
            }
            anyPositive |= scores[i] > 0;
        }
        assertTrue(anyPositive, "a 9x7 layer with 30 links has L3 paths");
    }

    @Test
    void topKRanksByScoreThenPosition() {
        SparsityPattern p = L3nReference.pattern(MIXED);
        // scores: pos 5 -> 4, pos 2 and 8 -> 3.5, pos 3, 11, 12, 14 -> 1.5, pos 13 -> 0
        TopK.Result best = CannistraciHebb.topK(p, 4, CHVariant.CH3, 2, null);
        assertArrayEquals(new long[] {5, 2, 8, 3}, best.positions());
        assertArrayEquals(new float[] {4, 3.5f, 3.5f, 1.5f}, best.scores());
        assertArrayEquals(new long[] {2, 3, 5, 8}, CannistraciHebb.selectTopK(p, 4, CHVariant.CH3, 1, null).positions());
    }

    @Test
    void topKSkipsForbiddenPositions() {
        SparsityPattern p = L3nReference.pattern(MIXED);
        // 0 and 1 are in the pattern (forbidding them changes nothing), 2 and 5 are candidates
        long[] chosen = CannistraciHebb.selectTopK(p, 3, CHVariant.CH3, 4, new long[] {0, 1, 2, 5}).positions();
        assertArrayEquals(new long[] {3, 8, 11}, chosen);
    }

    @Test
    void topKFillsWithZeroScoresByPositionWhenTooFewArePositive() {
        SparsityPattern p = L3nReference.pattern(MIXED);
        // all 8 candidates: the 7 positive ones, then the zero-scored position 13
        TopK.Result all = CannistraciHebb.topK(p, 8, CHVariant.CH3, 3, null);
        assertArrayEquals(new long[] {5, 2, 8, 3, 11, 12, 14, 13}, all.positions());
        assertEquals(0f, all.scores()[7]);
        // a single link has no L3 path: every candidate scores 0, lowest positions first
        SparsityPattern single = Patterns.fromSortedPositions(3, 3, new long[] {4});
        assertArrayEquals(new long[] {0, 1, 3}, CannistraciHebb.selectTopK(single, 3, CHVariant.CH2, 2,
                new long[] {2}).positions());
    }

    @Test
    void choosingMoreThanTheCandidatesFails() {
        SparsityPattern p = L3nReference.pattern(MIXED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CannistraciHebb.selectTopK(p, 8, CHVariant.CH3, 4, new long[] {13}));
        assertTrue(e.getMessage().contains("7 candidates"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CannistraciHebb.sampleSoft(p, 9, CHVariant.CH3, 4, null, new Rng(1)));
        assertThrows(IllegalArgumentException.class,
                () -> CannistraciHebb.selectTopK(p, 1, CHVariant.CH3, 4, new long[] {3, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> CannistraciHebb.selectTopK(p, 1, CHVariant.CH3, 4, new long[] {16}));
        assertThrows(IllegalArgumentException.class,
                () -> CannistraciHebb.selectTopK(p, 1, CHVariant.CH3, 0, null));
        assertThrows(IllegalArgumentException.class, () -> CannistraciHebb.scoreRows(p, CHVariant.CH3, 2, 5));
    }

    @Test
    void scoringCostCountsEveryPathContribution() {
        SparsityPattern p = L3nReference.pattern(CHAIN);
        // output pairs (0,1), (1,0), (1,2), (2,1): 4 factors, 2 + 2 + 1 + 2 = 7 additions;
        // input pairs (0,1), (1,0), (1,2), (2,1): 4 factors, one addition per band row linked:
        //   l = 0 reaches k = 1 for row 0; l = 1 reaches k = 0, 2 for rows 0, 1; l = 2 reaches k = 1 for rows 1, 2
        //   = 1 + 4 + 2 = 7 additions. Total 8 factors · 2 + 14 = 30.
        assertEquals(30, CannistraciHebb.selectTopK(p, 1, CHVariant.CH3, 3, null).scoringFlops());
        assertEquals(30, CannistraciHebb.selectTopK(p, 1, CHVariant.CH3, 5, null).scoringFlops());
    }

    @Test
    void pairFactorChecksItsArguments() {
        assertEquals(1.5, CHVariant.CH2.pairFactor(2, 4));   // e = 4 - 2 - 1 = 1: (2+1)/(1+1)
        assertEquals(0.5, CHVariant.CH3.pairFactor(2, 4));
        assertEquals(1.0, CHVariant.CH3.pairFactor(3, 3));   // e clamps at 0
        assertThrows(IllegalArgumentException.class, () -> CHVariant.CH2.pairFactor(0, 3));
        assertThrows(IllegalArgumentException.class, () -> CHVariant.CH2.pairFactor(4, 3));
    }
}

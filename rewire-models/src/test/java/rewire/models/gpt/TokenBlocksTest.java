package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenBlocksTest {
    @Test
    void consecutiveBlocksMakeEveryTokenAfterTheFirstATargetOnce() {
        for (int length : new int[] {1, 2, 7, 8, 9, 31, 33}) {
            int seqLen = 4;
            TokenBlocks stream = new TokenBlocks(IntStream.range(100, 100 + length).toArray());
            int blocks = stream.consecutiveBlocks(seqLen);
            assertEquals(Math.max(0, (length - 1) / seqLen), blocks, "length " + length);
            int[] inputs = new int[blocks * seqLen];
            int[] targets = new int[blocks * seqLen];
            stream.consecutive(0, blocks, seqLen, inputs, targets);
            // targets run 101, 102, ... without gap or repeat; each input is its target's predecessor
            assertArrayEquals(IntStream.range(101, 101 + blocks * seqLen).toArray(), targets, "length " + length);
            assertArrayEquals(IntStream.range(100, 100 + blocks * seqLen).toArray(), inputs, "length " + length);
            assertTrue(length - 1 - blocks * seqLen < seqLen, "fewer than a block's targets left over");
        }
    }

    @Test
    void aRangeOfBlocksIsTheSameAsPartOfTheWhole() {
        TokenBlocks stream = new TokenBlocks(IntStream.range(0, 50).toArray());
        int[] in = new int[2 * 3];
        int[] out = new int[2 * 3];
        stream.consecutive(5, 2, 3, in, out);
        assertArrayEquals(new int[] {15, 16, 17, 18, 19, 20}, in);
        assertArrayEquals(new int[] {16, 17, 18, 19, 20, 21}, out);
    }

    @Test
    void blocksPastTheEndOrWrongBuffersAreRefused() {
        TokenBlocks stream = new TokenBlocks(IntStream.range(0, 10).toArray());  // 3 blocks of 3 + 1
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stream.consecutive(2, 2, 3, new int[6], new int[6]));
        assertTrue(e.getMessage().contains("blocks 2 to 3 of 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> stream.consecutive(0, 2, 3, new int[5], new int[6]));
    }
}

package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class CharTokenizerTest {

    @Test
    void roundTripsTextWithCharactersBeyondTheBasicPlane() {
        String text = "Wherefore art thou, Romeo?\nÆther — 𝔊 ok";
        CharTokenizer t = CharTokenizer.fromText(text);
        assertEquals(text, t.decode(t.encode(text)));
        assertEquals(text.codePoints().distinct().count(), t.vocabSize());
    }

    @Test
    void tokensFollowSortedCodePointsAndSurviveStorage() {
        CharTokenizer t = CharTokenizer.fromText("cab\nb");
        assertEquals(List.of((int) '\n', (int) 'a', (int) 'b', (int) 'c'), t.codePoints());
        assertArrayEquals(new int[] {3, 1, 2}, t.encode("cab"));
        CharTokenizer stored = CharTokenizer.fromCodePoints(t.codePoints());
        assertArrayEquals(t.encode("abc\n"), stored.encode("abc\n"));
    }

    @Test
    void unknownCharactersAndTokensAreErrorsThatNameThem() {
        CharTokenizer t = CharTokenizer.fromText("abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.encode("abz"));
        assertTrue(e.getMessage().contains("'z'") && e.getMessage().contains("position 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.decode(new int[] {0, 3}));
        assertThrows(IllegalArgumentException.class, () -> CharTokenizer.fromText(""));
        assertThrows(IllegalArgumentException.class, () -> CharTokenizer.fromCodePoints(List.of(98, 97)));
    }

    @Test
    void blocksAreContiguousAndTargetsAreShiftedByOne() {
        int[] tokens = new int[100];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i;
        }
        TokenBlocks[] split = TokenBlocks.split(tokens, 0.9);
        assertEquals(90, split[0].length());
        assertEquals(10, split[1].length());
        int[] x = new int[3 * 8];
        int[] y = new int[3 * 8];
        split[0].sample(new Rng(3), 3, 8, x, y);
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 8; t++) {
                assertEquals(x[b * 8] + t, x[b * 8 + t]);
                assertEquals(x[b * 8 + t] + 1, y[b * 8 + t]);
                assertTrue(y[b * 8 + t] < 90);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> split[1].sample(new Rng(1), 1, 10, new int[10], new int[10]));
    }
}

package rewire.models.gpt;

import java.util.Arrays;
import java.util.List;

/**
 * A character-level tokenizer: the vocabulary is the sorted set of Unicode code points of a text,
 * and a token is a code point's index in it. Its code point list is stored in the run's
 * configuration, so a run decodes exactly as it was trained even if the text file changes.
 */
public final class CharTokenizer {
    private final int[] codePoints;

    private CharTokenizer(int[] sortedDistinct) {
        if (sortedDistinct.length == 0) {
            throw new IllegalArgumentException("a tokenizer needs at least one character");
        }
        this.codePoints = sortedDistinct;
    }

    /** The vocabulary of every distinct character of {@code text}. */
    public static CharTokenizer fromText(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("cannot build a vocabulary from an empty text");
        }
        return new CharTokenizer(text.codePoints().distinct().sorted().toArray());
    }

    /** The vocabulary stored as {@link #codePoints()}; must be strictly increasing valid code points. */
    public static CharTokenizer fromCodePoints(List<Integer> points) {
        int[] cp = points.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < cp.length; i++) {
            if (!Character.isValidCodePoint(cp[i]) || (i > 0 && cp[i] <= cp[i - 1])) {
                throw new IllegalArgumentException("vocabulary must be strictly increasing Unicode code points; entry " + i
                        + " is " + cp[i]);
            }
        }
        return new CharTokenizer(cp);
    }

    public int vocabSize() {
        return codePoints.length;
    }

    /** The vocabulary as code points, in token order. */
    public List<Integer> codePoints() {
        return Arrays.stream(codePoints).boxed().toList();
    }

    /** The tokens of {@code text}; every character must be in the vocabulary. */
    public int[] encode(String text) {
        int[] points = text.codePoints().toArray();
        int[] tokens = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            int t = Arrays.binarySearch(codePoints, points[i]);
            if (t < 0) {
                throw new IllegalArgumentException("character '" + Character.toString(points[i]) + "' (U+"
                        + String.format("%04X", points[i]) + ") at position " + i + " is not in the vocabulary of "
                        + codePoints.length + " characters");
            }
            tokens[i] = t;
        }
        return tokens;
    }

    /** The text of {@code tokens}; every token must be in {@code [0, vocabSize)}. */
    public String decode(int[] tokens) {
        StringBuilder sb = new StringBuilder(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= codePoints.length) {
                throw new IllegalArgumentException("token " + tokens[i] + " at position " + i + " outside [0, "
                        + codePoints.length + ")");
            }
            sb.appendCodePoint(codePoints[tokens[i]]);
        }
        return sb.toString();
    }
}

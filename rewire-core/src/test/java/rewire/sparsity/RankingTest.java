package rewire.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import rewire.kernel.TopK;

class RankingTest {
    private static final float[] SPECIAL = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f, 0f, 1f, -1f};

    @Property(tries = 300)
    void keepTopAgreesWithTopKIncludingTiesAndSpecialValues(
            @ForAll @Size(max = 40) List<@IntRange(min = -3, max = 9) Integer> codes, @ForAll @IntRange(min = 0, max = 45) int keep) {
        float[] keys = new float[codes.size()];
        for (int i = 0; i < keys.length; i++) {
            int c = codes.get(i);
            keys[i] = c >= 0 && c < SPECIAL.length ? SPECIAL[c] : c;
        }
        boolean[] expected = new boolean[keys.length];
        for (int e : TopK.largest(keys, keep)) {
            expected[e] = true;
        }
        assertArrayEquals(expected, Ranking.keepTop(keys, keep));
    }
}

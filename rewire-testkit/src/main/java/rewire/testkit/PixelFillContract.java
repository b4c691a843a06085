package rewire.testkit;

import org.junit.jupiter.api.Test;
import rewire.kernel.PixelFill;
import rewire.tensor.Rng;

/**
 * The contract every {@link PixelFill} must meet: its definition, bit for bit. A test class of an
 * implementation extends this and names it in {@link #fill()}.
 */
public abstract class PixelFillContract {

    /** The implementation under test. */
    protected abstract PixelFill fill();

    @Test
    void pixelsAreTheDefinitionBitForBitAndStayInTheirColumns() {
        check(fill());
    }

    /**
     * Every value is {@code (p / 255f - mean) / std} bit for bit, for feature counts that are and
     * are not multiples of four or of a vector, partial tiles, and a destination wider than the
     * tile; columns outside the tile stay as they were.
     *
     * @throws AssertionError naming the first case that differs
     */
    public static void check(PixelFill fill) {
        Rng rng = new Rng(0x9117);
        int tile = PixelFill.TILE;
        for (int features : new int[] {1, 2, 3, 4, 5, 7, 16, 17, 33, 784}) {
            for (int count : new int[] {1, 5, tile - 1, tile}) {
                int[] w = new int[(features + 3) / 4 * tile];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (int) rng.nextLong();
                }
                int col = rng.nextInt(7);
                int dstCols = col + count + rng.nextInt(5);
                float mean = 0.1f + rng.nextFloat();
                float std = 0.05f + rng.nextFloat();
                float[] got = RandomData.floats(rng, features * dstCols);
                float[] want = got.clone();
                for (int f = 0; f < features; f++) {
                    for (int j = 0; j < count; j++) {
                        int pixel = (w[(f / 4) * tile + j] >>> (8 * (f % 4))) & 0xFF;
                        want[f * dstCols + col + j] = (pixel / 255f - mean) / std;
                    }
                }
                fill.standardized(w, features, mean, std, got, dstCols, col, count);
                FloatChecks.assertBitwiseEqual("pixels: " + features + " features, " + count + " examples at column "
                        + col + " of " + dstCols, want, got);
            }
        }
    }
}

package rewire.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.kernel.PixelFill;
import rewire.testkit.PixelFillContract;

/**
 * The plain pixel fill (a table per mean and std) is {@link PixelFill}'s definition bit for bit,
 * and the contract catches a fill that multiplies by the reciprocal instead of dividing.
 */
class TablePixelFillTest extends PixelFillContract {

    @Override
    protected PixelFill fill() {
        return new TablePixelFill();
    }

    @Test
    void theContractCatchesAFillThatIsOffByALastBit() {
        PixelFill reciprocal = (words, features, mean, std, dst, dstCols, col, count) -> {
            float inverse = 1f / std;
            for (int f = 0; f < features; f++) {
                for (int j = 0; j < count; j++) {
                    int p = (words[(f >> 2) * PixelFill.TILE + j] >>> (8 * (f & 3))) & 0xFF;
                    dst[f * dstCols + col + j] = (p / 255f - mean) * inverse;
                }
            }
        };
        AssertionError e = assertThrows(AssertionError.class, () -> PixelFillContract.check(reciprocal));
        assertTrue(e.getMessage().startsWith("pixels: "), e.getMessage());
    }
}

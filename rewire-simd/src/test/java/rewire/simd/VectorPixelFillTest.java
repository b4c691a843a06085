package rewire.simd;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import rewire.kernel.PixelFill;
import rewire.testkit.PixelFillContract;

/** The Vector API pixel fill: found through ServiceLoader, and {@link PixelFill}'s definition bit for bit. */
class VectorPixelFillTest extends PixelFillContract {

    @Override
    protected PixelFill fill() {
        return new VectorPixelFill();
    }

    @Test
    void serviceLoaderFindsTheVectorFill() {
        assertInstanceOf(VectorPixelFill.class, PixelFill.discovered().orElseThrow());
    }
}

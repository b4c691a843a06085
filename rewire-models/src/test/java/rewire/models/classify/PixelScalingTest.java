package rewire.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.config.Config;
import rewire.data.Batch;
import rewire.data.Batcher;
import rewire.data.IdxFiles;
import rewire.data.LastBatch;

/**
 * {@code data.standardize=none} is the preprocessing of the PyTorch DST libraries (sparse_learning,
 * rigl-torch) that the benchmarks compare accuracy with: the model sees each pixel as x / 255 and
 * nothing else, bit for bit; the default standardizes instead.
 */
class PixelScalingTest {
    private static final int PIXELS = 28 * 28;
    private static final int BATCH = 4;

    @TempDir
    Path dir;

    // the second batch of the training set, in order, as the model reads it: (784, 4)
    private Batch secondBatch(String... overrides) throws Exception {
        List<String> all = new ArrayList<>(List.of("data.dir=" + dir));
        all.addAll(List.of(overrides));
        ClassifyConfig config = Config.load(ClassifyConfig.class, all);
        return Batcher.inOrder(ClassifyData.load(config.data()).split().train(), BATCH, LastBatch.DROP).batch(0, 1);
    }

    @Test
    void standardizeNoneFeedsEveryPixelAsItsByteOver255() throws Exception {
        IdxFiles.writeFashionMnistLike(dir, 12, 4);
        byte[] pixels = IdxFiles.pixels(12, 28);
        Batch scaled = secondBatch("data.standardize=none");
        Batch standardized = secondBatch();
        for (int b = 0; b < BATCH; b++) {
            int example = scaled.index(b);
            assertEquals(BATCH + b, example);
            for (int f = 0; f < PIXELS; f++) {
                float expected = (pixels[example * PIXELS + f] & 0xFF) / 255f;
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(scaled.x().get(f, b)),
                        "example " + example + " pixel " + f);
            }
        }
        assertNotEquals(scaled.x().get(0, 0), standardized.x().get(0, 0), "the default standardizes");
    }
}

package rewire.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import rewire.tensor.RandomCases;
import rewire.tensor.Rng;
import rewire.tensor.Shape;

/** Datasets kept as pixel bytes read exactly as the float datasets they replace. */
class PixelsTest {

    // n random images of `features` pixels, as bytes and as the floats (p & 0xFF) / 255f
    private record Twins(Dataset bytes, Dataset floats) {
        static Twins random(Rng rng, int n, int features) {
            byte[] pixels = new byte[n * features];
            float[] x = new float[pixels.length];
            for (int k = 0; k < pixels.length; k++) {
                pixels[k] = (byte) rng.nextInt(256);
                x[k] = (pixels[k] & 0xFF) / 255f;
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = rng.nextInt(3);
            }
            Shape shape = Shape.of(1, 1, features);
            return new Twins(Dataset.ofPixels("p", shape, pixels, labels, 3), Dataset.of("f", shape, x, labels.clone(), 3));
        }
    }

    private static void assertBitIdentical(Dataset expected, Dataset actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            for (int f = 0; f < expected.features(); f++) {
                assertEquals(Float.floatToRawIntBits(expected.feature(i, f)), Float.floatToRawIntBits(actual.feature(i, f)),
                        "example " + i + " feature " + f);
            }
        }
    }

    @Test
    void standardizedPixelsEqualStandardizedFloatsBitForBit() {
        RandomCases.forEachSeed(0x91E1L, 20, rng -> {
            Twins t = Twins.random(rng, RandomCases.intBetween(rng, 2, 40), RandomCases.intBetween(rng, 1, 30));
            for (Standardization.Mode mode : Standardization.Mode.values()) {
                Split bytes = new Split(t.bytes(), t.bytes().slice(0, t.bytes().size() / 2)).standardized(mode);
                Split floats = new Split(t.floats(), t.floats().slice(0, t.floats().size() / 2)).standardized(mode);
                assertEquals(Standardization.fit(t.floats(), mode), Standardization.fit(t.bytes(), mode));
                assertBitIdentical(floats.train(), bytes.train());
                assertBitIdentical(floats.test(), bytes.test());
            }
        });
    }

    @Test
    void standardizingTwiceComposesLikeFloats() {
        Twins t = Twins.random(new Rng(7), 12, 5);
        Standardization s = new Standardization(new float[] {0.3f}, new float[] {0.7f});
        Standardization again = Standardization.fit(s.apply(t.floats()), Standardization.Mode.PER_FEATURE);
        assertNotEquals(s.apply(t.floats()).feature(3, 2), again.apply(s.apply(t.floats())).feature(3, 2));
        assertBitIdentical(again.apply(s.apply(t.floats())), again.apply(s.apply(t.bytes())));
    }

    @Test
    void batchesOfPixelsEqualBatchesOfFloats() {
        // feature counts around the four-pixel words, batches of one tile and of a tile and a part
        for (int features : new int[] {3, 9, 17}) {
            for (int batch : new int[] {16, 21}) {
                for (Standardization.Mode mode : Standardization.Mode.values()) {
                    assertSameBatches(Twins.random(new Rng(features), 50, features), batch, mode);
                }
            }
        }
    }

    private static void assertSameBatches(Twins t, int batch, Standardization.Mode mode) {
        Split bytes = new Split(t.bytes(), t.bytes()).standardized(mode);
        Split floats = new Split(t.floats(), t.floats()).standardized(mode);
        Batcher a = Batcher.shuffled(bytes.train(), batch, LastBatch.DROP, new Rng(1));
        Batcher b = Batcher.shuffled(floats.train(), batch, LastBatch.DROP, new Rng(1));
        for (int i = 0; i < a.batchesPerEpoch(); i++) {
            float[] x = a.batch(1, i).x().data().clone();
            float[] y = b.batch(1, i).x().data();
            for (int k = 0; k < x.length; k++) {
                assertEquals(Float.floatToRawIntBits(y[k]), Float.floatToRawIntBits(x[k]),
                        mode + ", batch " + i + " element " + k);
            }
        }
    }
}

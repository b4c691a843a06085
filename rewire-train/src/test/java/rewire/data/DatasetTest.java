package rewire.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rewire.tensor.Shape;

class DatasetTest {

    /** n examples of 3 features: example i is (i, 2i, 5), label i mod 2. */
    static Dataset small(int n) {
        float[] x = new float[3 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[3 * i] = i;
            x[3 * i + 1] = 2 * i;
            x[3 * i + 2] = 5;
            y[i] = i % 2;
        }
        return Dataset.of("small", Shape.of(3), x, y, 2);
    }

    @Test
    void accessorsReadExampleMajorStorage() {
        Dataset d = small(4);
        assertEquals(4, d.size());
        assertEquals(3, d.features());
        assertEquals(6f, d.feature(3, 1));
        assertArrayEquals(new float[] {2, 4, 5}, d.example(2));
        assertEquals(1, d.label(3));
    }

    @Test
    void sliceCopiesARange() {
        Dataset s = small(5).slice(1, 3);
        assertEquals(2, s.size());
        assertArrayEquals(new float[] {1, 2, 5}, s.example(0));
        assertEquals(0, s.label(1));
    }

    @Test
    void rejectsInconsistentInput() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", Shape.of(3), new float[5], new int[2], 2));
        assertTrue(length.getMessage().contains("need 6 floats, got 5"), length.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", Shape.of(1), new float[2], new int[] {0, 2}, 2));
        assertTrue(label.getMessage().contains("label 2 of example 1 is outside [0, 2)"), label.getMessage());
    }

    @Test
    void globalStandardizationUsesTrainingStatistics() {
        Dataset train = small(4);  // values 0,0,5, 1,2,5, 2,4,5, 3,6,5: mean 3, var 46/12 - ...
        Standardization s = Standardization.fit(train, Standardization.Mode.GLOBAL);
        float[] all = {0, 0, 5, 1, 2, 5, 2, 4, 5, 3, 6, 5};
        double mean = 0;
        for (float v : all) {
            mean += v / 12.0;
        }
        double var = 0;
        for (float v : all) {
            var += (v - mean) * (v - mean) / 12.0;
        }
        assertEquals(mean, s.mean()[0], 1e-6);
        assertEquals(Math.sqrt(var), s.std()[0], 1e-6);
        Dataset test = small(6).slice(5, 6);  // example (5, 10, 5), standardized with the train statistics
        assertEquals((10 - mean) / Math.sqrt(var), s.apply(test).feature(0, 1), 1e-5);
    }

    @Test
    void perFeatureStandardizationCentersConstantFeatures() {
        Dataset standardized = Standardization.fit(small(4), Standardization.Mode.PER_FEATURE).apply(small(4));
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 4; i++) {
            sum += standardized.feature(i, 0);
            squares += standardized.feature(i, 0) * standardized.feature(i, 0);
            assertEquals(0f, standardized.feature(i, 2), "constant feature 5 is centered, not divided by 0");
        }
        assertEquals(0, sum, 1e-5);
        assertEquals(4, squares, 1e-4, "unit variance");
    }

    @Test
    void splitStandardizesBothWithTrainStatistics() {
        Split split = new Split(small(4), small(6).slice(4, 6));
        Split s = split.standardized(Standardization.Mode.PER_FEATURE);
        Standardization stats = Standardization.fit(split.train(), Standardization.Mode.PER_FEATURE);
        assertArrayEquals(stats.apply(split.test()).example(1), s.test().example(1));
        assertEquals(split, split.standardized(Standardization.Mode.NONE));
    }

    @Test
    void withClassesKeepsTheExamplesAndChecksEveryLabel() {
        Dataset d = small(6);
        Dataset wider = d.withClasses(d.classes() + 4);
        assertEquals(d.classes() + 4, wider.classes());
        assertEquals(d.label(5), wider.label(5));
        assertEquals(d.feature(5, 1), wider.feature(5, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withClasses(1));
        assertTrue(e.getMessage().contains("is outside [0, 1)"), e.getMessage());
    }
}

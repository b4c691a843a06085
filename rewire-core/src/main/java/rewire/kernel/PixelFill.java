package rewire.kernel;

import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * A faster way to do the last step of filling a classifier's input batch: a tile of images,
 * standardized and written feature-major. A service of its own, apart from {@link KernelProvider}
 * (it is a data-loading step, not a kernel every provider must have): {@code rewire.data} does it
 * in plain Java, which is the definition, and uses an implementation found by
 * {@link ServiceLoader} instead when there is one (rewire-simd's, on the Vector API, takes about
 * 30% less time per batch than the plain table lookup in {@code BatchFillBenchmark}). Every
 * implementation gives the definition's bits.
 *
 * <p>Definition: for examples {@code j < count} and features {@code f},
 * {@code dst[f * dstCols + col + j] = (p / 255f - mean) / std}, with exactly these float
 * operations, where {@code p} is pixel {@code f} of example {@code j}: the unsigned byte in bits
 * {@code 8q .. 8q + 7} of {@code words[w * TILE + j]}, {@code f = 4w + q}. The caller lays the
 * tile's pixel rows out this way so that one load reads four pixels of every example. Runs on the
 * caller's thread and writes only columns {@code [col, col + count)}.
 *
 * <pre>
 * words : (ceil(features / 4), TILE)   dst : (features, dstCols)
 * </pre>
 */
public interface PixelFill {
    /** Examples side by side in the words of a tile. */
    int TILE = 16;

    /** Writes the tile's pixels standardized into {@code dst} (see the class comment). */
    void standardized(int[] words, int features, float mean, float std, float[] dst, int dstCols, int col, int count);

    /**
     * The first implementation {@link ServiceLoader} finds that loads (rewire-simd's needs
     * {@code --add-modules jdk.incubator.vector}), or none; none when
     * {@code -Drewire.kernels=scalar} asks for the reference code everywhere.
     */
    static Optional<PixelFill> discovered() {
        if (System.getProperty(KernelSelection.PROPERTY, "auto").trim().equals("scalar")) {
            return Optional.empty();
        }
        try {
            for (ServiceLoader.Provider<PixelFill> p : ServiceLoader.load(PixelFill.class).stream().toList()) {
                try {
                    return Optional.of(p.get());
                } catch (ServiceConfigurationError | LinkageError e) {
                    // the Vector API module is not on: the next one, or the plain code
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            // no usable service file: the plain code
        }
        return Optional.empty();
    }
}

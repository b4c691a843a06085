package rewire.prune;

import rewire.nn.DenseParam;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** Small random layers and calibration inputs for the pruning tests. */
final class Layers {
    private Layers() {
    }

    /** A Gaussian tensor of the given shape. */
    static Tensor gaussian(Rng rng, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    /** Inputs {@code (in, tokens)} whose columns have different scales, so activation-aware scores differ from magnitude. */
    static Tensor inputs(Rng rng, int in, int tokens) {
        Tensor x = gaussian(rng, in, tokens);
        for (int j = 0; j < in; j++) {
            double scale = 0.2 + 3 * rng.nextDouble();
            double shift = rng.nextGaussian() * 0.5;
            for (int t = 0; t < tokens; t++) {
                x.data()[j * tokens + t] = (float) (x.data()[j * tokens + t] * scale + shift);
            }
        }
        return x;
    }

    /** A dense weight {@code (rows, cols)}. */
    static DenseParam weight(Rng rng, int rows, int cols) {
        return new DenseParam("layer.weight", gaussian(rng, rows, cols));
    }
}

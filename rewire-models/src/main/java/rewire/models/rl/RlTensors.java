package rewire.models.rl;

import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** The random tensors of acting and of the losses, means, and actions moved between tensors and environment rows. */
final class RlTensors {
    private RlTensors() {
    }

    /** Standard-normal {@code (rows, cols)} drawn from {@code rng.fold(stream)}, so each use has a stream of its own. */
    static Tensor gaussian(Rng rng, int rows, int cols, long stream) {
        Rng r = rng.fold(stream);
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) r.nextGaussian();
        }
        return t;
    }

    /** Column {@code c} of {@code actions (dims, N)} into row {@code c} of {@code out}. */
    static void columns(Tensor actions, float[][] out) {
        int n = actions.cols();
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < actions.rows(); i++) {
                out[c][i] = actions.data()[i * n + c];
            }
        }
    }

    /** The mean of every element. */
    static double mean(Tensor t) {
        double sum = 0;
        for (float v : t.data()) {
            sum += v;
        }
        return sum / t.size();
    }
}

package rewire.bench;

import rewire.kernel.Kernels;
import rewire.kernel.Parallel;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The shapes and activations of one linear layer {@code out x in} on a feature-major batch, the
 * operands shared by the sparse and the dense benchmark.
 *
 * <pre>
 * x  : (in, batch)    y  : (out, batch)    forward      y  = W · x
 * dy : (out, batch)   dx : (in, batch)     input grad   dx = Wᵀ · dy
 *                                          weight grad  dW = dy · xᵀ (dense) or its entries on W's pattern
 * </pre>
 */
record LayerOperands(int out, int in, int batch, Tensor x, Tensor dy, Tensor y, Tensor dx) {
    /** Fixed seed: every fork benchmarks the same numbers. */
    static final long SEED = 20_240_601L;

    /** A layer from a JMH parameter such as "1000x1000" (out x in). */
    static LayerOperands of(String shape, int batch) {
        String[] parts = shape.split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("layer must be OUTxIN such as 1000x1000, got " + shape);
        }
        int out = Integer.parseInt(parts[0]);
        int in = Integer.parseInt(parts[1]);
        Rng rng = new Rng(SEED);
        return new LayerOperands(out, in, batch, gaussian(rng, in, batch), gaussian(rng, out, batch),
                Tensor.zeros(out, batch), Tensor.zeros(in, batch));
    }

    /**
     * The same layer with {@code out} and {@code in} rounded up to multiples of {@code rowStep} and
     * {@code colStep}: the activations are copied into the first rows and the added features are
     * zero, how a block format that needs whole blocks runs a layer it does not tile. Itself when
     * nothing needs rounding.
     */
    LayerOperands padded(int rowStep, int colStep) {
        int paddedOut = Math.ceilDiv(out, rowStep) * rowStep;
        int paddedIn = Math.ceilDiv(in, colStep) * colStep;
        if (paddedOut == out && paddedIn == in) {
            return this;
        }
        Tensor px = Tensor.zeros(paddedIn, batch);
        System.arraycopy(x.data(), 0, px.data(), 0, x.size());
        Tensor pdy = Tensor.zeros(paddedOut, batch);
        System.arraycopy(dy.data(), 0, pdy.data(), 0, dy.size());
        return new LayerOperands(paddedOut, paddedIn, batch, px, pdy, Tensor.zeros(paddedOut, batch),
                Tensor.zeros(paddedIn, batch));
    }

    static Tensor gaussian(Rng rng, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    /**
     * The process-wide kernels with {@code threads} threads, chosen exactly as an application
     * gets them: {@code -Drewire.threads} (which also sets the OpenBLAS thread count) read by
     * {@link Kernels#defaults()}. JMH runs every parameter combination in a fresh fork, so the
     * property is set before the first use.
     */
    static Kernels kernels(int threads) {
        System.setProperty(Parallel.THREADS_PROPERTY, Integer.toString(threads));
        Kernels kernels = Kernels.defaults();
        if (kernels.parallel().threads() != threads) {
            throw new IllegalStateException("kernels were created before -D" + Parallel.THREADS_PROPERTY
                    + " was set: " + kernels.info());
        }
        return kernels;
    }
}

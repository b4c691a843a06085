package rewire.testkit;

import rewire.kernel.Kernels;
import rewire.sparse.FanInMatrix;
import rewire.sparse.NmMatrix;
import rewire.tensor.Tensor;

/**
 * The products of one matrix through the facade of its format, so {@link FanInRuns} writes each
 * run once for the fan-in and the N:M formats: {@link Kernels#fanIn()} on a {@link FanInMatrix},
 * or {@link Kernels#nm()} on an {@link NmMatrix}.
 */
sealed interface FormatProducts {

    /** The matrix in fan-in form (for N:M, the same values in the same entry order). */
    FanInMatrix fanIn();

    /** The same structure over {@code values}. */
    FormatProducts withValues(float[] values);

    /** {@code y (rows, B) (+)= W · x}. */
    void mult(Kernels k, Tensor x, Tensor y, boolean accumulate);

    /** {@code y (rows, B) = W · x + b · 1ᵀ}. */
    void multAddBias(Kernels k, Tensor x, Tensor bias, Tensor y);

    /** {@code y (rows, B) = max(W · x + b · 1ᵀ, 0)}. */
    void multAddBiasRelu(Kernels k, Tensor x, Tensor bias, Tensor y);

    /** {@code dx (cols, B) (+)= Wᵀ · dy}. */
    void multTransA(Kernels k, Tensor dy, Tensor dx, boolean accumulate);

    /** {@code out (rows, k) (+)= (a · bᵀ)} on W's entries. */
    void sampledMultTransB(Kernels k, Tensor a, Tensor b, float[] out, boolean accumulate);

    record OfFanIn(FanInMatrix w) implements FormatProducts {
        @Override
        public FanInMatrix fanIn() {
            return w;
        }

        @Override
        public FormatProducts withValues(float[] values) {
            return new OfFanIn(new FanInMatrix(w.pattern(), values));
        }

        @Override
        public void mult(Kernels k, Tensor x, Tensor y, boolean accumulate) {
            k.fanIn().mult(w, x, y, accumulate);
        }

        @Override
        public void multAddBias(Kernels k, Tensor x, Tensor bias, Tensor y) {
            k.fanIn().multAddBias(w, x, bias, y);
        }

        @Override
        public void multAddBiasRelu(Kernels k, Tensor x, Tensor bias, Tensor y) {
            k.fanIn().multAddBiasRelu(w, x, bias, y);
        }

        @Override
        public void multTransA(Kernels k, Tensor dy, Tensor dx, boolean accumulate) {
            k.fanIn().multTransA(w, dy, dx, accumulate);
        }

        @Override
        public void sampledMultTransB(Kernels k, Tensor a, Tensor b, float[] out, boolean accumulate) {
            k.fanIn().sampledMultTransB(a, b, w.pattern(), out, accumulate);
        }
    }

    record OfNm(NmMatrix w) implements FormatProducts {
        @Override
        public FanInMatrix fanIn() {
            return w.asFanIn();
        }

        @Override
        public FormatProducts withValues(float[] values) {
            return new OfNm(new NmMatrix(w.pattern(), values));
        }

        @Override
        public void mult(Kernels k, Tensor x, Tensor y, boolean accumulate) {
            k.nm().mult(w, x, y, accumulate);
        }

        @Override
        public void multAddBias(Kernels k, Tensor x, Tensor bias, Tensor y) {
            k.nm().multAddBias(w, x, bias, y);
        }

        @Override
        public void multAddBiasRelu(Kernels k, Tensor x, Tensor bias, Tensor y) {
            k.nm().multAddBiasRelu(w, x, bias, y);
        }

        @Override
        public void multTransA(Kernels k, Tensor dy, Tensor dx, boolean accumulate) {
            k.nm().multTransA(w, dy, dx, accumulate);
        }

        @Override
        public void sampledMultTransB(Kernels k, Tensor a, Tensor b, float[] out, boolean accumulate) {
            k.nm().sampledMultTransB(a, b, w.pattern(), out, accumulate);
        }
    }
}

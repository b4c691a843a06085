package rewire.autodiff;

import rewire.kernel.Kernels;
import rewire.sparse.CsrMatrix;
import rewire.tensor.Tensor;

/**
 * Recurrent ops over a whole sequence, recorded as one op so backward runs backpropagation
 * through time in a single reverse sweep.
 *
 * <p>Layout: feature-major with time outermost in the columns. A sequence of {@code T} steps of a
 * batch of {@code N} is a matrix {@code (features, T·N)} whose column {@code t·N + j} is example
 * {@code j} at step {@code t}.
 */
public final class RecurrentOps {
    private RecurrentOps() {
    }

    /**
     * The result of {@link #gru}.
     *
     * @param hidden   the hidden states {@code h_1 … h_T}, {@code (H, T·N)}
     * @param previous the state each step started from, {@code h_0 … h_{T-1}}, {@code (H, T·N)}
     * @param product  the recurrent products {@code W_hh · h_{t-1}} without bias, {@code (3H, T·N)};
     *                 after backward its gradient holds {@code dL/d(W_hh · h_{t-1})}, so
     *                 {@code grad(product) · previousᵀ} is the dense gradient of {@code W_hh}
     */
    public record GruSequence(Var hidden, Tensor previous, Var product) {
    }

    /**
     * A gated recurrent unit (Cho et al., "Learning Phrase Representations using RNN
     * Encoder–Decoder for Statistical Machine Translation", EMNLP 2014) in PyTorch's form, where
     * the reset gate multiplies the recurrent product including its bias:
     * <pre>
     * r = σ(gi_r + W_hr h + b_hr)      z = σ(gi_z + W_hz h + b_hz)
     * n = tanh(gi_n + r ⊙ (W_hn h + b_hn))      h' = (1 − z) ⊙ n + z ⊙ h
     * </pre>
     * Shapes: {@code gi (3H, T·N)} the input projections {@code W_i· x + b_i·} of all steps
     * (rows r, z, n), {@code wHidden (3H, H)} sparse, {@code bHidden (3H)} or null,
     * {@code h0 (H, N)}; result hidden {@code (H, T·N)}. Gradients flow to gi, wHidden (on its
     * pattern), bHidden and h0, as each requires.
     */
    public static GruSequence gru(Tape tape, Var gi, Var wHidden, Var bHidden, Var h0, int steps) {
        GruShapes s = GruShapes.check(gi, wHidden, bHidden, h0, steps);
        boolean needsGrad = Tape.anyRequiresGrad(gi, wHidden, bHidden, h0);
        Var hidden = tape.output("gru", needsGrad, s.h(), steps * s.n());
        Var product = tape.output("gru.product", needsGrad, 3 * s.h(), steps * s.n());
        Tensor previous = tape.scratch(s.h(), steps * s.n());
        Tensor gates = tape.scratch(4 * s.h(), steps * s.n());  // rows: r, z, n, W_hn h + b_hn
        Tensor block = tape.scratch(s.h(), s.n());
        Tensor blockProduct = tape.scratch(3 * s.h(), s.n());
        CsrMatrix w = wHidden.csr();
        float[] bias = bHidden == null ? null : bHidden.value().data();
        for (int t = 0; t < steps; t++) {
            if (t == 0) {
                System.arraycopy(h0.value().data(), 0, block.data(), 0, block.size());
            } else {
                copyColumns(hidden.value(), t - 1, block, false);
            }
            copyColumns(previous, t, block, true);
            tape.kernels().mult(w, block, blockProduct);  // (3H, N) = W_hh (3H, H) · h (H, N)
            copyColumns(product.value(), t, blockProduct, true);
            forwardStep(s, t, gi.value().data(), blockProduct.data(), bias, block.data(), gates.data(),
                    hidden.value().data());
        }
        tape.onBackward(hidden, () -> new GruBackward(tape, s, gi, wHidden, bHidden, h0, hidden, product, previous,
                gates).run());
        return new GruSequence(hidden, previous, product);
    }

    // one step of the cell on columns [tN, tN+N); hPrev (H, N), gh (3H, N) without bias
    private static void forwardStep(GruShapes s, int t, float[] gi, float[] gh, float[] bias, float[] hPrev,
                                    float[] gates, float[] hidden) {
        int h = s.h();
        int n = s.n();
        int width = s.width();
        for (int r = 0; r < h; r++) {
            for (int j = 0; j < n; j++) {
                int col = t * n + j;
                float br = bias == null ? 0f : bias[r];
                float bz = bias == null ? 0f : bias[h + r];
                float bn = bias == null ? 0f : bias[2 * h + r];
                float reset = sigmoid(gi[r * width + col] + gh[r * n + j] + br);
                float update = sigmoid(gi[(h + r) * width + col] + gh[(h + r) * n + j] + bz);
                float recurrent = gh[(2 * h + r) * n + j] + bn;
                float candidate = (float) Math.tanh(gi[(2 * h + r) * width + col] + reset * recurrent);
                gates[r * width + col] = reset;
                gates[(h + r) * width + col] = update;
                gates[(2 * h + r) * width + col] = candidate;
                gates[(3 * h + r) * width + col] = recurrent;
                hidden[r * width + col] = (1f - update) * candidate + update * hPrev[r * n + j];
            }
        }
    }

    static float sigmoid(float v) {
        if (v >= 0) {
            return (float) (1 / (1 + Math.exp(-v)));
        }
        double e = Math.exp(v);
        return (float) (e / (1 + e));
    }

    /**
     * Copies the columns of step {@code t} between a sequence matrix {@code (R, T·N)} and a block
     * {@code (R, N)}: into the sequence when {@code intoSequence}, out of it otherwise.
     */
    static void copyColumns(Tensor sequence, int t, Tensor block, boolean intoSequence) {
        int rows = block.rows();
        int n = block.cols();
        int width = sequence.cols();
        float[] seq = sequence.data();
        float[] blk = block.data();
        for (int r = 0; r < rows; r++) {
            if (intoSequence) {
                System.arraycopy(blk, r * n, seq, r * width + t * n, n);
            } else {
                System.arraycopy(seq, r * width + t * n, blk, r * n, n);
            }
        }
    }

    /** The sizes of one {@link #gru} call, checked against every input. */
    record GruShapes(int h, int n, int steps) {
        int width() {
            return steps * n;
        }

        static GruShapes check(Var gi, Var wHidden, Var bHidden, Var h0, int steps) {
            Checks.requireMatrix("gru", "input projections", gi);
            Checks.requireMatrix("gru", "initial state", h0);
            if (!wHidden.isSparse()) {
                throw new IllegalArgumentException("gru: the recurrent weight must be sparse (Var.sparseParam), got "
                        + wHidden);
            }
            int h = h0.value().rows();
            int n = h0.value().cols();
            CsrMatrix w = wHidden.csr();
            if (steps < 1 || w.rows() != 3 * h || w.cols() != h) {
                throw new IllegalArgumentException("gru: recurrent weight " + w.rows() + " x " + w.cols()
                        + " must be (3H, H) for initial state " + h0.shape() + ", and steps (" + steps + ") >= 1");
            }
            if (gi.value().rows() != 3 * h || gi.value().cols() != steps * n) {
                throw new IllegalArgumentException("gru: input projections " + gi.shape() + " must be (3H, T·N) = ("
                        + 3 * h + ", " + steps * n + ") for initial state " + h0.shape() + " and " + steps + " steps");
            }
            if (bHidden != null && bHidden.value().size() != 3 * h) {
                throw new IllegalArgumentException("gru: recurrent bias " + bHidden.shape() + " must have 3H = "
                        + 3 * h + " entries");
            }
            return new GruShapes(h, n, steps);
        }
    }

    /** Backpropagation through time of one {@link #gru} call. */
    private record GruBackward(Tape tape, GruShapes s, Var gi, Var wHidden, Var bHidden, Var h0, Var hidden,
                               Var product, Tensor previous, Tensor gates) {
        void run() {
            Kernels k = tape.kernels();
            int h = s.h();
            int n = s.n();
            Tensor carry = tape.scratch(h, n);      // dL/dh_{t} flowing back from step t+1
            java.util.Arrays.fill(carry.data(), 0f);
            Tensor dProduct = tape.scratch(3 * h, n);
            Tensor dAll = tape.grad(product);          // (3H, T·N), filled step by step
            float[] dHidden = hidden.grad().data();
            for (int t = s.steps() - 1; t >= 0; t--) {
                stepBack(t, dHidden, carry.data(), dProduct.data());
                copyColumns(dAll, t, dProduct, true);
                // dh_{t-1} = dh' ⊙ z (set by stepBack) + W_hhᵀ · d(W_hh h)
                k.multTransA(wHidden.csr(), dProduct, carry, true);
            }
            if (h0.requiresGrad()) {
                float[] d0 = tape.grad(h0).data();
                for (int i = 0; i < d0.length; i++) {
                    d0[i] += carry.data()[i];
                }
            }
            if (wHidden.requiresGrad()) {
                // dW (nnz,) += (d(W h) (3H, T·N) · previous (H, T·N)ᵀ)|pattern
                k.sampledMultTransB(dAll, previous, wHidden.csr().pattern(), tape.grad(wHidden).data(), true);
            }
        }

        // Gradients of step t; reads carry = dL/dh_t from later steps and overwrites it with dh' ⊙ z.
        private void stepBack(int t, float[] dHidden, float[] carry, float[] dProduct) {
            int h = s.h();
            int n = s.n();
            int width = s.width();
            float[] g = gates.data();
            float[] prev = previous.data();
            float[] dgi = gi.requiresGrad() ? tape.grad(gi).data() : null;
            float[] db = bHidden != null && bHidden.requiresGrad() ? tape.grad(bHidden).data() : null;
            for (int r = 0; r < h; r++) {
                for (int j = 0; j < n; j++) {
                    int col = t * n + j;
                    float reset = g[r * width + col];
                    float update = g[(h + r) * width + col];
                    float candidate = g[(2 * h + r) * width + col];
                    float recurrent = g[(3 * h + r) * width + col];
                    float dh = dHidden[r * width + col] + carry[r * n + j];
                    float dn = dh * (1f - update) * (1f - candidate * candidate);   // through tanh
                    float dz = dh * (prev[r * width + col] - candidate) * update * (1f - update);
                    float dr = dn * recurrent * reset * (1f - reset);
                    float dRecurrent = dn * reset;
                    carry[r * n + j] = dh * update;
                    dProduct[r * n + j] = dr;
                    dProduct[(h + r) * n + j] = dz;
                    dProduct[(2 * h + r) * n + j] = dRecurrent;
                    if (dgi != null) {
                        dgi[r * width + col] += dr;
                        dgi[(h + r) * width + col] += dz;
                        dgi[(2 * h + r) * width + col] += dn;
                    }
                    if (db != null) {
                        db[r] += dr;
                        db[h + r] += dz;
                        db[2 * h + r] += dRecurrent;
                    }
                }
            }
        }
    }
}

/**
 * Reverse-mode automatic differentiation on a reusable {@link rewire.autodiff.Tape}.
 *
 * <p>{@link rewire.autodiff.Var} holds a value, a lazily made gradient and the name of the op
 * that made it. Ops are static methods grouped by kind, each with its forward and its backward
 * side by side: {@link rewire.autodiff.Ops} (add, mul, sum, mean), {@link rewire.autodiff.Activations}
 * (ReLU, leaky ReLU, ELU, GELU, tanh, sigmoid, dropout), {@link rewire.autodiff.LinearOps} (dense,
 * sparse CSR and dense-with-mask linear maps, bias) and {@link rewire.autodiff.TransposedLinearOps}
 * (the same through the weight's transpose), {@link rewire.autodiff.ConvOps} (im2col convolution,
 * transposed convolution and col2im, pooling, flatten), {@link rewire.autodiff.Losses} (softmax
 * cross-entropy; a GAN's sigmoid cross-entropy and hinge), {@link rewire.autodiff.NormOps} (layer
 * and batch norm), {@link rewire.autodiff.SpectralNormOps} (spectral normalization), for recurrent
 * networks {@link rewire.autodiff.RecurrentOps} (a GRU over a whole sequence, with
 * backpropagation through time), and for transformers {@link rewire.autodiff.EmbeddingOps}
 * (table lookup, weight tying), {@link rewire.autodiff.SequenceOps} (a token put in front of each
 * sequence, the first tokens read back: a vision transformer's class token) and
 * {@link rewire.autodiff.AttentionOps} (multi-head self-attention under an
 * {@link rewire.autodiff.AttentionMask}; sparse patterns are computed over their allowed pairs only
 * by {@link rewire.autodiff.SparseAttentionOps}). Every
 * computation goes through {@link rewire.kernel.Kernels}.
 *
 * <h2>Layout conventions</h2>
 * <ul>
 * <li><b>Feature-major activations.</b> A batch of B vectors of F features is the matrix
 *     {@code (F, B)}: one row per feature, contiguous over the batch, because the sparse kernels
 *     vectorize over the batch. A linear layer maps {@code x (in, B)} to
 *     {@code y = W · x (out, B)} with {@code W (out, in)}.</li>
 * <li><b>Convolution layout.</b> B images of C x H x W are the matrix {@code (C, B·H·W)}: row c
 *     is channel c, and pixel {@code (b, h, w)} is column {@code (b·H + h)·W + w}. im2col makes
 *     the patch matrix {@code (C·k·k, B·Ho·Wo)}, so a (sparse) convolution is a (sparse) linear
 *     map {@code (Cout, C·k·k)} over patch columns, and its output {@code (Cout, B·Ho·Wo)} is
 *     again in the convolution layout. {@code flatten} gives {@code (C·H·W, B)} with features in
 *     {@code (c, h, w)} order.</li>
 * <li><b>Sparse weights</b> are variables whose value is the {@code (nnz,)} vector of their
 *     entries; their gradient is aligned with those entries and never dense.</li>
 * <li><b>Token sequences</b> are feature-major too: B sequences of T tokens are the matrix
 *     {@code (F, B·T)}, token t of sequence b in column {@code b·T + t}; attention works per
 *     sequence and head on that layout.</li>
 * <li><b>Losses</b> take logits {@code (classes, B)} and integer labels {@code (B,)} and return a
 *     scalar of shape {@code ()}.</li>
 * </ul>
 *
 * <h2>Gradients</h2>
 * Backward accumulates ({@code +=}) into every gradient and never clears parameter gradients;
 * an op computes the gradient of an input only when that input requires one. Op results live in
 * buffers the tape reuses from step to step, valid until {@code Tape.clear()}.
 *
 * <p>Layer 2 of rewire-core: imports only {@code tensor}, {@code sparse} and {@code kernel}.
 */
package rewire.autodiff;

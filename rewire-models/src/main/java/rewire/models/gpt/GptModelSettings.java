package rewire.models.gpt;

import rewire.autodiff.AttentionMask;
import rewire.models.moe.MoeSettings;
import rewire.nn.SparseLinear;

/**
 * The model section of a GPT run. Defaults are nanoGPT's CPU configuration for Shakespeare
 * characters: 4 layers, 4 heads, width 128, block 64, no biases, no dropout.
 *
 * @param layers               transformer blocks
 * @param heads                attention heads; must divide the width
 * @param width                embedding width d
 * @param blockSize            context length T (tokens per training sequence)
 * @param initStd              standard deviation of the normal initialization of weights and embeddings
 *                             (GPT-2: 0.02; output projections get {@code initStd / sqrt(2·layers)})
 * @param crossover            density at and above which a sparse layer computes with dense kernels
 * @param sparseAttention      attention pattern of the hybrid sparse-attention window; dense causal
 *                             attention outside it
 * @param sparseAttentionWidth window and stride c of the sparse patterns
 * @param sparseAttentionStart the window starts at this fraction of the run
 * @param sparseAttentionEnd   the window ends at this fraction of the run
 * @param moe                  the feed-forward of every block: GPT-2's MLP, or a mixture of experts
 */
public record GptModelSettings(int layers, int heads, int width, int blockSize, double initStd, double crossover,
                               SparseAttention sparseAttention, int sparseAttentionWidth, double sparseAttentionStart,
                               double sparseAttentionEnd, MoeSettings moe) {

    /**
     * The patterns of {@code model.sparseAttention}, those of Sparse Transformers as Mixed Sparsity
     * Training uses them (see {@link AttentionMask}), with window or stride {@code c}
     * ({@code sparseAttentionWidth}); every one is causal.
     */
    public enum SparseAttention {
        /** No window: dense causal attention for the whole run. */
        NONE(null),
        /** A query sees the keys less than {@code c} steps back. */
        LOCAL(AttentionMask.Kind.LOCAL),
        /** A query sees the keys a multiple of {@code c} steps back. */
        STRIDED(AttentionMask.Kind.STRIDED),
        /** Local or strided: the union of the two. */
        SPARSE(AttentionMask.Kind.SPARSE);

        private final AttentionMask.Kind kind;

        SparseAttention(AttentionMask.Kind kind) {
            this.kind = kind;
        }

        /** This pattern with window or stride {@code width}, or null for {@link #NONE}. */
        public AttentionMask mask(int width) {
            return kind == null ? null : new AttentionMask(kind, width);
        }
    }

    public GptModelSettings {
        if (layers < 1 || heads < 1 || width < 1 || width % heads != 0 || blockSize < 1) {
            throw new IllegalArgumentException("model: need layers, heads, width, blockSize >= 1 and heads dividing width;"
                    + " got " + layers + ", " + heads + ", " + width + ", " + blockSize);
        }
        if (!(initStd > 0) || !(crossover >= 0)) {
            throw new IllegalArgumentException("model: initStd must be positive and crossover >= 0, got " + initStd
                    + ", " + crossover);
        }
        if (sparseAttention == null || sparseAttentionWidth < 1) {
            throw new IllegalArgumentException("model: need a sparseAttention pattern and sparseAttentionWidth >= 1,"
                    + " got " + sparseAttention + ", " + sparseAttentionWidth);
        }
        if (moe == null) {
            throw new IllegalArgumentException("model.moe must be set (experts: 0 for the dense MLP)");
        }
        if (!(0 <= sparseAttentionStart && sparseAttentionStart <= sparseAttentionEnd && sparseAttentionEnd <= 1)) {
            throw new IllegalArgumentException("model: need 0 <= sparseAttentionStart <= sparseAttentionEnd <= 1, got "
                    + sparseAttentionStart + ", " + sparseAttentionEnd);
        }
    }

    public static GptModelSettings defaults() {
        return new GptModelSettings(4, 4, 128, 64, 0.02, SparseLinear.DEFAULT_CROSSOVER, SparseAttention.NONE, 8,
                0.2, 0.8, MoeSettings.defaults());
    }

    /** The mask of the sparse-attention window, or null when there is none. */
    public AttentionMask windowMask() {
        return sparseAttention.mask(sparseAttentionWidth);
    }
}

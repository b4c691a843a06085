package rewire.models.rl;

/**
 * The shape of one module's network (the encoder, the critic or the actor): the architecture
 * choices Ma et al. (2025) vary, so the "scalable" question can be asked of each module.
 *
 * @param width      hidden units per layer (multiplied by {@code network.scale})
 * @param depth      hidden layers; with {@code residual}, the input layer then {@code depth - 1}
 *                   pre-norm residual blocks of one layer each, so both forms have as many weights
 * @param activation the nonlinearity of every hidden layer
 * @param layerNorm  layer normalization after each hidden layer's product (in residual blocks: before
 *                   it, pre-norm, with a final normalization before the output layer)
 * @param residual   residual connections around the hidden layers after the first
 */
public record ModuleArchitecture(int width, int depth, Nonlinearity activation, boolean layerNorm, boolean residual) {

    /** The nonlinearities a module may use ({@code network.<module>.activation}). */
    public enum Nonlinearity {
        /** {@code max(x, 0)}. */
        RELU,
        /** ELU with α = 1 (Clevert et al., 2016), which Ma et al. find helps the encoder and critic. */
        ELU
    }

    public ModuleArchitecture {
        if (width < 1 || depth < 1) {
            throw new IllegalArgumentException("a module needs width and depth >= 1, got width " + width + ", depth "
                    + depth);
        }
        if (activation == null) {
            throw new IllegalArgumentException("a module's activation must be set (relu or elu)");
        }
    }

    /** ELU and layer norm, no residual: what MR.Q and Ma et al. use for the encoder and critic. */
    public static ModuleArchitecture eluLayerNorm(int width) {
        return new ModuleArchitecture(width, 2, Nonlinearity.ELU, true, false);
    }

    /** ReLU and layer norm: the actor, for which ELU hurts (Ma et al., METHODS G). */
    public static ModuleArchitecture reluLayerNorm(int width) {
        return new ModuleArchitecture(width, 2, Nonlinearity.RELU, true, false);
    }
}

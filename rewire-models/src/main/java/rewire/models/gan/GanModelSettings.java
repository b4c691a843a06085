package rewire.models.gan;

import rewire.nn.SparseLinear;

/**
 * The networks section of a GAN run: DCGAN's shape for images of side {@code S} (28 for
 * Fashion-MNIST; S divisible by 4), with {@code w = width}:
 * <pre>
 * generator     z (latent, 1, 1) -> transposed conv (S/4)x(S/4)/1 -> (2w, S/4, S/4) -> BN, ReLU
 *               -> transposed conv 4x4/2 -> (w, S/2, S/2) -> BN, ReLU -> transposed conv 4x4/2
 *               -> (C, S, S) -> tanh
 * discriminator (C, S, S) -> conv 4x4/2 -> (w, S/2, S/2) -> leaky ReLU -> conv 4x4/2 -> (2w, S/4, S/4)
 *               -> leaky ReLU -> conv (S/4)x(S/4)/1 -> one score per image
 * </pre>
 * Every conv and transposed-conv weight is sparse-capable; the discriminator's are spectrally
 * normalized when {@code spectralNorm} (SNGAN, the backbone of the ADAPT experiments).
 *
 * @param latent       the size of the latent code z
 * @param width        the channels w of the generator's last hidden map and the discriminator's first
 * @param spectralNorm spectral normalization of every discriminator weight (power iteration, state checkpointed)
 * @param slope        the negative slope of the discriminator's leaky ReLUs (0.2 in DCGAN)
 * @param crossover    density at and above which a sparse layer computes with dense kernels on a masked copy
 */
public record GanModelSettings(int latent, int width, boolean spectralNorm, double slope, double crossover) {

    public GanModelSettings {
        if (latent < 1 || width < 1) {
            throw new IllegalArgumentException("model: latent and width must be positive, got " + latent + " and "
                    + width);
        }
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException("model.slope must be in [0, 1), got " + slope);
        }
        if (!(crossover >= 0)) {
            throw new IllegalArgumentException("model.crossover must be >= 0, got " + crossover);
        }
    }

    public static GanModelSettings defaults() {
        return new GanModelSettings(64, 32, true, 0.2, SparseLinear.DEFAULT_CROSSOVER);
    }
}

package rewire.models.classify;

import rewire.autodiff.ImageShape;

/**
 * The vision transformer of {@code model.arch: vit} ({@code model.vit}). The defaults suit a CPU:
 * 7x7 patches cut a 28x28 image into 16 tokens of 49 pixels, 17 with the class token. Patches of
 * 4 would give 49 tokens (50 with the class token): about three times the blocks' linear FLOPs
 * and almost nine times attention's (query, key) pairs per image, too slow for an epoch on two
 * cores in minutes.
 *
 * @param patch    the side of the square patches, which must divide the image's height and width
 * @param width    the embedding width d of every token
 * @param layers   transformer blocks
 * @param heads    attention heads; must divide the width
 * @param mlpRatio the width of each block's MLP as a multiple of d
 */
public record VitSettings(int patch, int width, int layers, int heads, int mlpRatio) {

    public VitSettings {
        if (patch < 1) {
            throw new IllegalArgumentException("model.vit.patch must be >= 1, got " + patch);
        }
        if (width < 1 || layers < 1 || heads < 1 || mlpRatio < 1) {
            throw new IllegalArgumentException("model.vit: width, layers, heads and mlpRatio must be >= 1, got "
                    + width + ", " + layers + ", " + heads + ", " + mlpRatio);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("model.vit.heads " + heads + " must divide model.vit.width " + width);
        }
    }

    /** 7x7 patches, width 64, 4 blocks of 4 heads, MLPs twice as wide. */
    public static VitSettings defaults() {
        return new VitSettings(7, 64, 4, 4, 2);
    }

    /**
     * The patches of an image of shape {@code input}, in row-major order of the patch grid.
     *
     * @throws IllegalArgumentException when the patch side does not divide the image's sides
     */
    int patches(ImageShape input) {
        if (input.height() % patch != 0 || input.width() % patch != 0) {
            throw new IllegalArgumentException("model.vit.patch " + patch + " must divide the image's height "
                    + input.height() + " and width " + input.width());
        }
        return input.height() / patch * (input.width() / patch);
    }
}

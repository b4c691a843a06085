package rewire.models.classify;

import java.util.List;
import rewire.nn.SparseLinear;

/**
 * The model section of a classification run.
 *
 * @param arch      the network's family
 * @param hidden    widths of the hidden fully connected layers
 * @param channels  output channels of the convolutions (cnn); each is followed by ReLU and 2x2 max pooling
 * @param kernel    convolution kernel size (cnn), odd; padding keeps the image size
 * @param dropout   dropout after each hidden fully connected layer (vit: on the token embeddings and
 *                  on each block's attention and MLP outputs), 0 for none
 * @param crossover density at and above which a sparse layer computes with dense kernels on a masked copy
 * @param vit       the vision transformer (vit)
 */
public record ModelSettings(Arch arch, List<Integer> hidden, List<Integer> channels, int kernel, double dropout,
                            double crossover, VitSettings vit) {

    /** The network families of {@code model.arch}. */
    public enum Arch {
        /** Fully connected layers of widths {@code hidden} on the flattened image. */
        MLP,
        /** Convolutions of {@code channels} (each with ReLU and 2x2 max pooling), then the {@code hidden} layers. */
        CNN,
        /** A vision transformer ({@code vit}): patch embedding, class token, pre-norm blocks, a head on the class token. */
        VIT
    }

    public ModelSettings {
        hidden = List.copyOf(hidden);
        channels = List.copyOf(channels);
        if (arch == null) {
            throw new IllegalArgumentException("model.arch must be set");
        }
        if (vit == null) {
            throw new IllegalArgumentException("model.vit must be set");
        }
        if (arch == Arch.CNN && (channels.isEmpty() || kernel < 1 || kernel % 2 == 0)) {
            throw new IllegalArgumentException("a cnn needs channels and an odd kernel size, got " + channels
                    + " and " + kernel);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("model.dropout must be in [0, 1), got " + dropout);
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("model.hidden widths must be positive, got " + hidden);
            }
        }
    }

    /** The MLP 784-1000-1000-1000-10 of the sparse-training literature. */
    public static ModelSettings defaults() {
        return new ModelSettings(Arch.MLP, List.of(1000, 1000, 1000), List.of(32, 64), 5, 0,
                SparseLinear.DEFAULT_CROSSOVER, VitSettings.defaults());
    }
}

package rewire.models.classify;

import java.util.List;
import rewire.nn.SparseLinear;

/**
 * The model section of a classification run.
 *
 * @param arch      mlp or cnn
 * @param hidden    widths of the hidden fully connected layers
 * @param channels  output channels of the convolutions (cnn); each is followed by ReLU and 2x2 max pooling
 * @param kernel    convolution kernel size (cnn), odd; padding keeps the image size
 * @param dropout   dropout after each hidden fully connected layer, 0 for none
 * @param crossover density at and above which a sparse layer computes with dense kernels on a masked copy
 */
public record ModelSettings(String arch, List<Integer> hidden, List<Integer> channels, int kernel, double dropout,
                            double crossover) {

    public ModelSettings {
        hidden = List.copyOf(hidden);
        channels = List.copyOf(channels);
        if (!arch.equals("mlp") && !arch.equals("cnn")) {
            throw new IllegalArgumentException("model.arch must be mlp or cnn, got '" + arch + "'");
        }
        if (arch.equals("cnn") && (channels.isEmpty() || kernel < 1 || kernel % 2 == 0)) {
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
        return new ModelSettings("mlp", List.of(1000, 1000, 1000), List.of(32, 64), 5, 0, SparseLinear.DEFAULT_CROSSOVER);
    }
}

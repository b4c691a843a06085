package rewire.io;

/**
 * How a sparse layer of the target model takes imported dense weights
 * ({@link TorchSafetensors#read}).
 */
public enum SparseImport {
    /** Keeps the layer's pattern and takes the imported weights at its entries. */
    PATTERN,
    /**
     * Keeps the layer's number of entries and moves its pattern to the imported weights of largest
     * magnitude (ties to the lower row-major position): one-shot magnitude pruning at the layer's density.
     */
    MAGNITUDE
}

package rewire.models.classify;

/** How the data of a classification run is stored ({@code data.format}). */
public enum DataFormat {
    /** Fashion-MNIST's four IDX files in {@code data.dir} (the Debian package dataset-fashion-mnist). */
    FASHION_MNIST,
    /** An IDX pair per split: images {@code (n, height, width)} and labels {@code (n)}, unsigned bytes, gzipped or not. */
    IDX,
    /** One CSV file per split: a label column ({@code data.labelColumn}) and numeric feature columns. */
    CSV,
    /** A NumPy .npy pair per split: float32, float64 or uint8 features and integer labels. */
    NPY
}

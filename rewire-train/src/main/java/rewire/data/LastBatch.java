package rewire.data;

/** What a {@link Batcher} does with the examples left over when the batch size does not divide the dataset. */
public enum LastBatch {
    /** Skip them this epoch (every batch has the full size; with shuffling, other examples are left out next epoch). */
    DROP,
    /** Hand them out as a last, smaller batch (every example is seen once per epoch). */
    KEEP
}

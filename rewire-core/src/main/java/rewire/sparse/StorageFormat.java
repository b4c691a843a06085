package rewire.sparse;

/**
 * How a sparse layer stores and multiplies its weight. Every format holds the same entries as the
 * layer's CSR pattern, which stays the order that optimizer slots and the DST engine see; a
 * structured format is an additional layout with kernels of its own, chosen from the constraint
 * that keeps the pattern in that structure.
 */
public enum StorageFormat {
    /** Compressed sparse rows: any pattern. */
    CSR,
    /**
     * Whole wrap-around diagonals ({@link DiagonalPattern}, {@link DiagonalMatrix}): K of them stored
     * as a {@code K x D} array, multiplied by {@code Kernels.diagonal()}.
     */
    DIAGONAL,
    /**
     * Every row the same count of entries ({@link FanInPattern}, {@link FanInMatrix}), in CSR order,
     * multiplied by {@code Kernels.fanIn()}; N:M patterns are of this kind too.
     */
    FAN_IN
}

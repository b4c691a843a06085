package rewire.sparse;

/**
 * How a sparse layer stores and multiplies its weight. Every format holds the same entries as the
 * layer's CSR pattern, which stays the order that optimizer slots and the DST engine see; a
 * structured format is an additional layout with kernels of its own, chosen from the constraint
 * that keeps the pattern in that structure.
 */
public sealed interface StorageFormat {
    /** Compressed sparse rows: any pattern. */
    StorageFormat CSR = new Csr();
    /**
     * Whole wrap-around diagonals ({@link DiagonalPattern}, {@link DiagonalMatrix}): K of them stored
     * as a {@code K x D} array, multiplied by {@code Kernels.diagonal()}.
     */
    StorageFormat DIAGONAL = new Diagonal();
    /**
     * Every row the same count of entries ({@link FanInPattern}, {@link FanInMatrix}), in CSR order,
     * multiplied by {@code Kernels.fanIn()}; N:M patterns are of this kind too.
     */
    StorageFormat FAN_IN = new FanIn();

    /**
     * Whole {@code rows x cols} blocks ({@link BlockPattern}, {@link BlockMatrix}), values block
     * after block, multiplied by {@code Kernels.block()}.
     */
    static StorageFormat blocks(int rows, int cols) {
        return new Blocks(rows, cols);
    }

    /** See {@link #CSR}. */
    record Csr() implements StorageFormat {
        @Override
        public String toString() {
            return "CSR";
        }
    }

    /** See {@link #DIAGONAL}. */
    record Diagonal() implements StorageFormat {
        @Override
        public String toString() {
            return "diagonals";
        }
    }

    /** See {@link #FAN_IN}. */
    record FanIn() implements StorageFormat {
        @Override
        public String toString() {
            return "constant fan-in";
        }
    }

    /** See {@link #blocks}. */
    record Blocks(int rows, int cols) implements StorageFormat {
        public Blocks {
            if (rows < 1 || cols < 1) {
                throw new IllegalArgumentException("a block needs a positive shape, got " + rows + " x " + cols);
            }
        }

        @Override
        public String toString() {
            return rows + "x" + cols + " blocks";
        }
    }
}

package rewire.sparse;

/**
 * The structure of a matrix in a structured storage format (diagonals, constant fan-in, N:M,
 * blocks): which entries it holds and where each lands in the format's entry-aligned arrays.
 */
public interface StructuredPattern {
    int rows();

    int cols();

    /** Number of stored entries. */
    int nnz();

    /** The index of the entry at (row, col) in the format's entry order, or -1 when it is not held. */
    int indexOf(int row, int col);

    /** The same entries as a CSR pattern. */
    SparsityPattern toCsr();
}

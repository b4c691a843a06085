package rewire.sparse;

/**
 * A matrix stored in dense {@code br x bc} blocks: an immutable {@link BlockPattern} and its
 * values, block after block, each block row-major ({@code values[b * br * bc + i * bc + j]} is
 * entry {@code (i, j)} of block {@code b}). The values are mutable in place (an optimizer writes
 * them), like {@link CsrMatrix}'s; converting to and from CSR is for checks, export and the DST
 * engine.
 *
 * <pre>
 * values : (blocks, br, bc)
 * </pre>
 */
public final class BlockMatrix extends StructuredMatrix<BlockPattern> {
    /** A matrix over {@code values} (not copied), {@code blocks * br * bc} of them. */
    public BlockMatrix(BlockPattern pattern, float[] values) {
        super(pattern, values);
    }

    /** A matrix of zeros on {@code pattern}. */
    public static BlockMatrix zeros(BlockPattern pattern) {
        return new BlockMatrix(pattern, new float[pattern.nnz()]);
    }

    /**
     * The same matrix from CSR form, whose pattern must consist of whole {@code br x bc} blocks.
     *
     * @throws IllegalArgumentException naming a block that the pattern holds only in part
     */
    public static BlockMatrix fromCsr(CsrMatrix csr, int br, int bc) {
        BlockPattern pattern = BlockPattern.fromCsr(csr.pattern(), br, bc);
        return new BlockMatrix(pattern, gathered(csr, pattern.csrEntries()));
    }

    /** A copy in CSR form, on {@link BlockPattern#toCsr()}. */
    public CsrMatrix toCsr() {
        return scatteredToCsr(pattern().csrEntries());
    }

    @Override
    public String toString() {
        return "BlockMatrix(" + rows() + " x " + cols() + ", " + pattern().count() + " blocks of "
                + pattern().blockRows() + " x " + pattern().blockCols() + ", nnz " + nnz() + ")";
    }
}

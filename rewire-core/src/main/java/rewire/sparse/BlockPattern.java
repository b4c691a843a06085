package rewire.sparse;

import java.util.Arrays;
import rewire.tensor.Rng;

/**
 * The structure of a {@code rows x cols} matrix stored in dense {@code br x bc} blocks (block
 * sparse row, BSR): the matrix is tiled into a grid of {@code rows / br} block rows and
 * {@code cols / bc} block columns, and the chosen tiles form a CSR pattern over that grid
 * ({@link #grid()}: block-row pointers, block-column indices increasing within a block row).
 * The shape must be a whole number of blocks in each direction; there are no partial edge
 * blocks, so every block holds exactly {@code br * bc} entries and the kernels need no edge case.
 *
 * <p>Why a format of its own: the {@code br} rows of a block share their columns, so a kernel
 * that loads a row of {@code x} (the whole batch, feature-major) uses it for {@code br} output
 * rows instead of one, and reads {@code bc} consecutive rows of {@code x} per stored column index.
 *
 * <p>Entries are numbered block-major, each block row-major: entry {@code (i, j)} of block
 * {@code b} (the b-th block of the grid pattern, row {@code i < br}, column {@code j < bc}) has
 * index {@code b * br * bc + i * bc + j} in every block-aligned array (values, gradients), so a
 * block's row is {@code bc} contiguous floats. Immutable.
 */
public final class BlockPattern implements StructuredPattern {
    private final int rows;
    private final int cols;
    private final int br;
    private final int bc;
    private final SparsityPattern grid;
    private volatile CsrView csr;

    private BlockPattern(int rows, int cols, int br, int bc, SparsityPattern grid) {
        this.rows = rows;
        this.cols = cols;
        this.br = br;
        this.bc = bc;
        this.grid = grid;
    }

    /**
     * The pattern whose blocks are the entries of the CSR arrays {@code blockRowPtr},
     * {@code blockColIdx} over the {@code rows / br x cols / bc} grid; the arrays are copied and
     * checked.
     *
     * @throws IllegalArgumentException naming the block size or the shape that does not divide,
     *     or the first defect of the block arrays
     */
    public static BlockPattern of(int rows, int cols, int br, int bc, int[] blockRowPtr, int[] blockColIdx) {
        requireShape(rows, cols, br, bc);
        int[] ptr = blockRowPtr.clone();
        int[] idx = blockColIdx.clone();
        String defect = SparsityPattern.describeDefect(rows / br, cols / bc, ptr, idx);
        if (defect != null) {
            throw new IllegalArgumentException("malformed block pattern (" + rows + " x " + cols + " in " + br + " x "
                    + bc + " blocks, a " + rows / br + " x " + cols / bc + " grid): " + defect);
        }
        return new BlockPattern(rows, cols, br, bc, SparsityPattern.trusted(rows / br, cols / bc, ptr, idx));
    }

    /** {@code blocks} distinct {@code br x bc} blocks of a {@code rows x cols} matrix, every choice equally likely. */
    public static BlockPattern random(int rows, int cols, int br, int bc, int blocks, Rng rng) {
        requireShape(rows, cols, br, bc);
        long grid = (long) (rows / br) * (cols / bc);
        if (blocks < 0 || blocks > grid) {
            throw new IllegalArgumentException("blocks " + blocks + " outside [0, " + grid + "] for " + rows + " x "
                    + cols + " in " + br + " x " + bc + " blocks");
        }
        return new BlockPattern(rows, cols, br, bc, Patterns.random(rows / br, cols / bc, blocks, rng));
    }

    /**
     * The block pattern holding exactly the entries of {@code csr}, in {@code br x bc} blocks.
     *
     * @throws IllegalArgumentException naming the shape when the blocks do not tile it, or the
     *     first block that {@code csr} holds only in part, with how many of its entries it holds
     */
    public static BlockPattern fromCsr(SparsityPattern csr, int br, int bc) {
        int rows = csr.rows();
        int cols = csr.cols();
        requireShape(rows, cols, br, bc);
        int blockCols = cols / bc;
        int[] held = new int[blockCols]; // entries per block of the current block row
        int[] ptr = new int[rows / br + 1];
        int[] idx = new int[csr.nnz() / (br * bc)];
        int blocks = 0;
        for (int rb = 0; rb < rows / br; rb++) {
            for (int r = rb * br; r < rb * br + br; r++) {
                for (int e = csr.rowStart(r); e < csr.rowEnd(r); e++) {
                    held[csr.colIdx()[e] / bc]++;
                }
            }
            for (int cb = 0; cb < blockCols; cb++) {
                if (held[cb] != 0 && held[cb] != br * bc) {
                    throw new IllegalArgumentException("the CSR pattern " + rows + " x " + cols + " is not made of whole "
                            + br + " x " + bc + " blocks: block (" + rb + ", " + cb + ") at rows " + rb * br + ".."
                            + (rb * br + br - 1) + ", columns " + cb * bc + ".." + (cb * bc + bc - 1) + " holds "
                            + held[cb] + " of its " + br * bc + " entries");
                }
                if (held[cb] != 0) {
                    idx[blocks++] = cb;
                }
                held[cb] = 0;
            }
            ptr[rb + 1] = blocks;
        }
        return new BlockPattern(rows, cols, br, bc, SparsityPattern.trusted(rows / br, cols / bc, ptr, idx));
    }

    private static void requireShape(int rows, int cols, int br, int bc) {
        if (br < 1 || bc < 1) {
            throw new IllegalArgumentException("a block pattern needs blocks of at least 1 x 1, got " + br + " x " + bc);
        }
        if (rows < 1 || cols < 1 || rows % br != 0 || cols % bc != 0) {
            throw new IllegalArgumentException("a block pattern needs a positive shape made of whole blocks: " + rows
                    + " x " + cols + " is not a multiple of the " + br + " x " + bc + " block");
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Rows per block, {@code br}. */
    public int blockRows() {
        return br;
    }

    /** Columns per block, {@code bc}. */
    public int blockCols() {
        return bc;
    }

    /** Entries per block, {@code br * bc}. */
    public int blockSize() {
        return br * bc;
    }

    /**
     * The chosen blocks as a CSR pattern over the {@code rows / br x cols / bc} grid: entry
     * {@code b} of the grid is block {@code b}. Its cached {@link SparsityPattern#transposed()}
     * is the block structure of the transpose.
     */
    public SparsityPattern grid() {
        return grid;
    }

    /** The number of chosen blocks. */
    public int count() {
        return grid.nnz();
    }

    /** Number of stored entries, {@code count() * br * bc}. */
    public int nnz() {
        return grid.nnz() * br * bc;
    }

    /** The index {@code b * br * bc + i * bc + j} of the entry at (row, col), or -1 when its block is not chosen. */
    public int indexOf(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + " x " + cols);
        }
        int b = grid.indexOf(row / br, col / bc);
        return b < 0 ? -1 : b * br * bc + row % br * bc + col % bc;
    }

    /** The same entries as a CSR pattern, built once and cached. */
    public SparsityPattern toCsr() {
        return csrView().pattern();
    }

    /**
     * For each entry {@code b * br * bc + i * bc + j}, the index of the same position in
     * {@link #toCsr()}: the permutation between block-aligned and CSR-aligned arrays. Cached; do
     * not modify.
     */
    public int[] csrEntries() {
        return csrView().entries();
    }

    private CsrView csrView() {
        CsrView view = csr;
        if (view == null) {
            view = CsrView.of(this);
            csr = view;
        }
        return view;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockPattern p && rows == p.rows && cols == p.cols && br == p.br && bc == p.bc
                && grid.equals(p.grid);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * rows + cols) + br) + bc) + grid.hashCode();
    }

    @Override
    public String toString() {
        return "BlockPattern(" + rows + " x " + cols + " in " + br + " x " + bc + " blocks, " + count() + " of "
                + (long) grid.rows() * grid.cols() + " blocks)";
    }

    /**
     * The CSR form of a block pattern and where each block entry lands in it. Blocks of a block
     * row are in increasing column order, so row {@code r}'s CSR entries are the {@code bc}
     * columns of each of its block row's blocks in turn: no sort needed.
     */
    private record CsrView(SparsityPattern pattern, int[] entries) {
        static CsrView of(BlockPattern p) {
            int[] gridPtr = p.grid.rowPtr();
            int[] gridIdx = p.grid.colIdx();
            int[] rowPtr = new int[p.rows + 1];
            int[] colIdx = new int[p.nnz()];
            int[] entries = new int[p.nnz()];
            for (int r = 0; r < p.rows; r++) {
                int rb = r / p.br;
                int i = r % p.br;
                int e = rowPtr[r];
                for (int b = gridPtr[rb]; b < gridPtr[rb + 1]; b++) {
                    for (int j = 0; j < p.bc; j++, e++) {
                        colIdx[e] = gridIdx[b] * p.bc + j;
                        entries[b * p.br * p.bc + i * p.bc + j] = e;
                    }
                }
                rowPtr[r + 1] = e;
            }
            return new CsrView(SparsityPattern.trusted(p.rows, p.cols, rowPtr, colIdx), entries);
        }
    }
}

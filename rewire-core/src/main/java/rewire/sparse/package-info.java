/**
 * Sparse structure: the immutable CSR {@link rewire.sparse.SparsityPattern}, a
 * {@link rewire.sparse.CsrMatrix} that pairs a pattern with its values, the
 * {@link rewire.sparse.Remap} that moves connection-aligned arrays from one pattern to another,
 * {@link rewire.sparse.Patterns} to make and convert patterns, and the diagonal format
 * ({@link rewire.sparse.DiagonalPattern}, {@link rewire.sparse.DiagonalMatrix}): K wrap-around
 * diagonals stored as a dense {@code K x D} array, with the diagonal index math; the constant
 * fan-in format ({@link rewire.sparse.FanInPattern}, {@link rewire.sparse.FanInMatrix}): every row
 * k entries, column indices and values as dense {@code (rows, k)} arrays; the N:M format
 * ({@link rewire.sparse.NmPattern}, {@link rewire.sparse.NmMatrix}): N of every M consecutive
 * inputs, a byte of in-group offset per entry, a fan-in matrix in the same entry order; and the
 * block format ({@link rewire.sparse.BlockPattern}, {@link rewire.sparse.BlockMatrix}): dense
 * {@code br x bc} blocks chosen by a CSR pattern over the block grid (BSR).
 *
 * <p>Layer 0 of rewire-core, beside {@code tensor}.
 */
package rewire.sparse;

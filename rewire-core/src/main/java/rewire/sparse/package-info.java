/**
 * Sparse structure: the immutable CSR {@link rewire.sparse.SparsityPattern}, a
 * {@link rewire.sparse.CsrMatrix} that pairs a pattern with its values, the
 * {@link rewire.sparse.Remap} that moves connection-aligned arrays from one pattern to another,
 * and {@link rewire.sparse.Patterns} to make and convert patterns.
 *
 * <p>Layer 0 of rewire-core, beside {@code tensor}.
 */
package rewire.sparse;

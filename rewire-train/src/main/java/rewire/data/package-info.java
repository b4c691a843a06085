/**
 * Training data: the {@link rewire.data.Dataset} of labelled examples, its
 * {@link rewire.data.Standardization}, the {@link rewire.data.IdxReader} for IDX files and the
 * {@link rewire.data.FashionMnist} loader built on it, and the seeded {@link rewire.data.Batcher}
 * that cuts an epoch into {@link rewire.data.Batch}es.
 *
 * <p>Layout: a dataset stores examples contiguously (example-major, {@code (n, features)}), which
 * is how files hold them and what shuffling reads; a batch is handed out <em>feature-major</em>,
 * {@code (features, B)}, the layout of the project's activations (rows are features, contiguous
 * over the batch), so a model consumes it without a transpose.
 *
 * <p>Layer 7 of rewire-core: may import {@code tensor}, {@code sparse}, {@code kernel},
 * {@code autodiff}, {@code nn}, {@code optim}, {@code sparsity}, {@code prune}; uses only
 * {@code tensor}.
 */
package rewire.data;

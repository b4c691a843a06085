/**
 * Training data: the {@link rewire.data.Dataset} of labelled examples, its
 * {@link rewire.data.Standardization}, the readers of the user's files ({@link rewire.data.IdxReader}
 * for IDX files with the {@link rewire.data.FashionMnist} and {@link rewire.data.IdxDataset}
 * loaders built on it, {@link rewire.data.CsvDataset}, {@link rewire.data.NpyDataset}), and the
 * seeded {@link rewire.data.Batcher} that cuts an epoch into {@link rewire.data.Batch}es, filling
 * them through a {@link rewire.kernel.PixelFill} when one is found.
 *
 * <p>Layout: a dataset stores examples contiguously (example-major, {@code (n, features)}), which
 * is how files hold them and what shuffling reads; a batch is handed out <em>feature-major</em>,
 * {@code (features, B)}, the layout of the project's activations (rows are features, contiguous
 * over the batch), so a model consumes it without a transpose.
 *
 * <p>The data layer of rewire-train: may import {@code tensor}, {@code sparse}, {@code kernel},
 * {@code autodiff}, {@code nn}, {@code optim}, {@code sparsity}, {@code recipe}; uses
 * {@code tensor} and {@code kernel} ({@code PixelFill}), and Apache Commons CSV.
 */
package rewire.data;

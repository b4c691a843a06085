/**
 * Files that outlive a run: {@link rewire.io.Checkpoint}s for exact resume (a versioned binary
 * container of named arrays and values with a CRC32C per entry and for the whole file, written
 * through {@link rewire.io.AtomicFile} so a crash never leaves a half-written file under the real
 * name), {@link rewire.io.ParamState} to put parameters, optimizer slots and generator states in
 * one, and the safetensors format ({@link rewire.io.Safetensors},
 * {@link rewire.io.SafetensorsParams}) to exchange weights with other frameworks: a model's weights under
 * the names and shapes of the equivalent PyTorch module ({@link rewire.io.TorchLayout},
 * {@link rewire.io.TorchSafetensors}, imported by {@link rewire.io.SparseImport}'s rule into sparse
 * layers) and a {@link rewire.io.ReferenceBatch} to check a loader against. {@link rewire.io.Json}
 * is JSON for every file of Rewire (run files, safetensors headers, scenario files): one shared
 * Jackson mapper behind a small facade, with records read and written directly.
 *
 * <p>Usable from {@code train} upward; imports only {@code tensor}, {@code sparse}, {@code kernel}
 * (top-k selection), {@code nn}, {@code optim} and Jackson. ONNX export is the sub-package
 * {@code rewire.io.onnx}, which builds on this one.
 */
package rewire.io;

/**
 * Files that outlive a run: {@link rewire.io.Checkpoint}s for exact resume (a versioned binary
 * container of named arrays and values with a CRC32C per entry and for the whole file, written
 * through {@link rewire.io.AtomicFile} so a crash never leaves a half-written file under the real
 * name), {@link rewire.io.ParamState} to put parameters, optimizer slots and generator states in
 * one, and the safetensors format ({@link rewire.io.Safetensors},
 * {@link rewire.io.SafetensorsParams}) to exchange weights with other frameworks. {@link rewire.io.Json}
 * is JSON for every file of Rewire (run files, safetensors headers, scenario files): one shared
 * Jackson mapper behind a small facade, with records read and written directly.
 *
 * <p>Usable from {@code train} upward; imports only {@code tensor}, {@code sparse}, {@code nn},
 * {@code optim} and Jackson.
 */
package rewire.io;

/**
 * ONNX export: {@link rewire.io.onnx.OnnxGraph} builds an inference graph (typed inputs, weights
 * as initializers, operators of opset 17, outputs) and writes it as an ONNX model, encoded with
 * protobuf-java's {@code CodedOutputStream} field by field ({@link rewire.io.onnx.OnnxEncoder}
 * lists the fields). Each exportable model builds its own graph (rewire-models); ONNX Runtime runs
 * them in the tests.
 *
 * <p>Imports {@code rewire.io} (atomic writes) and protobuf-java; {@code rewire.io} does not import
 * this package.
 */
package rewire.io.onnx;

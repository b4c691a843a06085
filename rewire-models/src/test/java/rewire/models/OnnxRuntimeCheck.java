package rewire.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;
import rewire.io.ReferenceBatch;
import rewire.io.SafeTensor;
import rewire.io.onnx.OnnxGraph;
import rewire.nn.Param;
import rewire.tensor.Rng;

/**
 * Runs an exported ONNX model in ONNX Runtime (its Java artifact) on a reference batch's input
 * and compares the outputs with Rewire's to 1e-4 relative: each element within
 * {@code 1e-4 · max(|rewire|, 1e-2 · max|rewire|)}, so near-zero logits are held to the tensor's scale.
 */
public final class OnnxRuntimeCheck {
    public static final double RELATIVE = 1e-4;

    private OnnxRuntimeCheck() {
    }

    /** ONNX Runtime's output of {@code graph} on the reference's input, checked against the reference's output. */
    public static float[] agrees(OnnxGraph graph, ReferenceBatch reference) throws OrtException {
        float[] ours = reference.output().data();
        float[] theirs = run(graph, reference.input());
        float scale = 0;
        for (float v : ours) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, "the reference logits are all zero: the comparison would prove nothing");
        for (int i = 0; i < ours.length; i++) {
            double tolerance = RELATIVE * Math.max(Math.abs(ours[i]), 1e-2 * scale);
            if (!(Math.abs(ours[i] - theirs[i]) <= tolerance)) {
                throw new AssertionError("output " + i + ": ONNX Runtime " + theirs[i] + ", Rewire " + ours[i]
                        + " (tolerance " + tolerance + ")");
            }
        }
        return theirs;
    }

    /** The first output of {@code graph} on {@code input} (F32 values, or I32 token ids fed as int64), flat. */
    public static float[] run(OnnxGraph graph, SafeTensor input) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = Arrays.stream(input.shape()).asLongStream().toArray();
        try (OrtSession session = env.createSession(graph.encode(), new OrtSession.SessionOptions());
             OnnxTensor x = switch (input) {
                 case SafeTensor.F32 f -> OnnxTensor.createTensor(env, FloatBuffer.wrap(f.data()), shape);
                 case SafeTensor.I32 i -> OnnxTensor.createTensor(env,
                         LongBuffer.wrap(Arrays.stream(i.data()).asLongStream().toArray()), shape);
             };
             OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), x))) {
            OnnxTensor y = (OnnxTensor) result.get(0);
            FloatBuffer buffer = y.getFloatBuffer();
            float[] out = new float[buffer.remaining()];
            buffer.get(out);
            return out;
        }
    }

    /** Sets every value of every parameter to {@code N(0, std²)}, so biases and gains take part in a comparison. */
    public static void randomize(Iterable<Param> params, double std, Rng rng) {
        for (Param p : params) {
            float[] v = p.values();
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (std * rng.nextGaussian());
            }
        }
    }

    /** Asserts two reference outputs are the same bits. */
    public static void sameOutputs(ReferenceBatch expected, ReferenceBatch actual) {
        assertArrayEquals(expected.output().data(), actual.output().data());
    }
}

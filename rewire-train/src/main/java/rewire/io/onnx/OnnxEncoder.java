package rewire.io.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The protobuf encoding of an {@link OnnxGraph} as an ONNX {@code ModelProto}, written field by
 * field with protobuf-java's {@link CodedOutputStream}. The field numbers are those of the ONNX IR
 * specification (onnx.proto), for the fields Rewire writes:
 * <pre>
 * ModelProto      ir_version 1, producer_name 2, producer_version 3, graph 7, opset_import 8
 * OperatorSetId   domain 1, version 2
 * GraphProto      node 1, name 2, initializer 5, input 11, output 12
 * NodeProto       input 1, output 2, name 3, op_type 4, attribute 5
 * AttributeProto  name 1, f 2, i 3, ints 8, type 20 (FLOAT 1, INT 2, INTS 7)
 * TensorProto     dims 1, data_type 2, name 8, raw_data 9 (little-endian)
 * ValueInfoProto  name 1, type 2 -> TypeProto tensor_type 1 -> elem_type 1, shape 2
 *                 -> TensorShapeProto dim 1 -> dim_value 1 | dim_param 2
 * </pre>
 * Repeated numbers are written unpacked, as proto2 (which onnx.proto uses) does by default.
 */
final class OnnxEncoder {
    /** The operator set version: ONNX 1.12 (Debian's python3-onnx) and ONNX Runtime 1.29 both run it. */
    static final long OPSET = 17;
    /** IR version 8, the one that goes with opset 17. */
    static final long IR_VERSION = 8;

    private OnnxEncoder() {
    }

    static byte[] model(OnnxGraph graph) {
        return new Message()
                .int64(1, IR_VERSION)
                .string(2, "rewire")
                .string(3, OnnxEncoder.class.getPackage().getImplementationVersion() == null ? "development"
                        : OnnxEncoder.class.getPackage().getImplementationVersion())
                .message(7, graph(graph))
                .message(8, new Message().int64(2, OPSET))
                .bytes();
    }

    private static Message graph(OnnxGraph graph) {
        Message m = new Message();
        for (OnnxGraph.Node n : graph.nodes()) {
            m.message(1, node(n));
        }
        m.string(2, graph.name());
        for (OnnxGraph.Initializer t : graph.initializers()) {
            m.message(5, tensor(t));
        }
        for (OnnxGraph.Value v : graph.inputs()) {
            m.message(11, value(v));
        }
        for (OnnxGraph.Value v : graph.outputs()) {
            m.message(12, value(v));
        }
        return m;
    }

    private static Message node(OnnxGraph.Node n) {
        Message m = new Message();
        n.inputs().forEach(i -> m.string(1, i));
        n.outputs().forEach(o -> m.string(2, o));
        m.string(3, n.name()).string(4, n.op());
        for (OnnxAttribute a : n.attributes()) {
            m.message(5, attribute(a));
        }
        return m;
    }

    private static Message attribute(OnnxAttribute a) {
        Message m = new Message().string(1, a.name());
        switch (a) {
            case OnnxAttribute.Float f -> m.float32(2, f.value()).int64(20, 1);
            case OnnxAttribute.Int i -> m.int64(3, i.value()).int64(20, 2);
            case OnnxAttribute.Ints is -> {
                for (long v : is.values()) {
                    m.int64(8, v);
                }
                m.int64(20, 7);
            }
        }
        return m;
    }

    private static Message tensor(OnnxGraph.Initializer t) {
        Message m = new Message();
        for (long d : t.dims()) {
            m.int64(1, d);
        }
        m.int64(2, t.type().code()).string(8, t.name());
        ByteBuffer raw;
        if (t.floats() != null) {
            raw = ByteBuffer.allocate(4 * t.floats().length).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(t.floats());
        } else {
            raw = ByteBuffer.allocate(8 * t.longs().length).order(ByteOrder.LITTLE_ENDIAN);
            raw.asLongBuffer().put(t.longs());
        }
        return m.raw(9, raw.array());
    }

    private static Message value(OnnxGraph.Value v) {
        Message shape = new Message();
        for (long d : v.dims()) {
            shape.message(1, d == OnnxGraph.BATCH ? new Message().string(2, "batch") : new Message().int64(1, d));
        }
        Message tensorType = new Message().int64(1, v.type().code()).message(2, shape);
        return new Message().string(1, v.name()).message(2, new Message().message(1, tensorType));
    }

    /** One message being encoded; a nested message is encoded first and written as a length-delimited field. */
    private static final class Message {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

        Message int64(int field, long value) {
            return write(() -> out.writeInt64(field, value));
        }

        Message float32(int field, float value) {
            return write(() -> out.writeFloat(field, value));
        }

        Message string(int field, String value) {
            return raw(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message raw(int field, byte[] value) {
            return write(() -> out.writeByteArray(field, value));
        }

        Message message(int field, Message nested) {
            return raw(field, nested.bytes());
        }

        byte[] bytes() {
            write(out::flush);
            return buffer.toByteArray();
        }

        private Message write(Write w) {
            try {
                w.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);  // a ByteArrayOutputStream does not fail
            }
            return this;
        }

        private interface Write {
            void run() throws IOException;
        }
    }
}

package rewire.io.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graph builder keeps a graph well formed, and the encoder writes the ONNX fields by their
 * numbers: read back here with protobuf's schema-less parser, field by field. (ONNX Runtime runs
 * whole exported models in rewire-models' tests.)
 */
class OnnxGraphTest {

    @Test
    void aModelIsWrittenWithTheFieldNumbersOfTheOnnxSpecification() throws InvalidProtocolBufferException {
        OnnxGraph g = new OnnxGraph("tiny");
        String x = g.input("input", ElementType.FLOAT, OnnxGraph.BATCH, 3);
        String w = g.initializer("fc.weight", new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        String y = g.node("Gemm", List.of(x, w), OnnxAttribute.of("transB", 1));
        g.output(y, ElementType.FLOAT, OnnxGraph.BATCH, 2);

        UnknownFieldSet model = UnknownFieldSet.parseFrom(g.encode());
        assertEquals(List.of(8L), model.getField(1).getVarintList(), "ir_version");
        assertEquals("rewire", model.getField(2).getLengthDelimitedList().get(0).toStringUtf8(), "producer_name");
        assertEquals(List.of(17L), message(model, 8).getField(2).getVarintList(), "opset_import.version");
        UnknownFieldSet graph = message(model, 7);
        assertEquals("tiny", string(graph, 2));

        UnknownFieldSet node = message(graph, 1);
        assertEquals(List.of("input", "fc.weight"), strings(node, 1));
        assertEquals(List.of("Gemm_0"), strings(node, 2));
        assertEquals("Gemm", string(node, 4));
        UnknownFieldSet attribute = message(node, 5);
        assertEquals("transB", string(attribute, 1));
        assertEquals(List.of(1L), attribute.getField(3).getVarintList(), "i");
        assertEquals(List.of(2L), attribute.getField(20).getVarintList(), "type INT");

        UnknownFieldSet tensor = message(graph, 5);
        assertEquals(List.of(2L, 3L), tensor.getField(1).getVarintList(), "dims");
        assertEquals(List.of(1L), tensor.getField(2).getVarintList(), "data_type FLOAT");
        assertEquals("fc.weight", string(tensor, 8));
        float[] raw = new float[6];
        ByteBuffer.wrap(tensor.getField(9).getLengthDelimitedList().get(0).toByteArray()).order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer().get(raw);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, raw);

        UnknownFieldSet input = message(graph, 11);
        assertEquals("input", string(input, 1));
        UnknownFieldSet tensorType = message(message(input, 2), 1);
        assertEquals(List.of(1L), tensorType.getField(1).getVarintList(), "elem_type FLOAT");
        List<ByteString> dims = message(tensorType, 2).getField(1).getLengthDelimitedList();
        assertEquals("batch", string(UnknownFieldSet.parseFrom(dims.get(0)), 2), "dim_param");
        assertEquals(List.of(3L), UnknownFieldSet.parseFrom(dims.get(1)).getField(1).getVarintList(), "dim_value");
        assertEquals("Gemm_0", string(message(graph, 12), 1), "output");
    }

    @Test
    void aGraphStaysWellFormed() {
        OnnxGraph g = new OnnxGraph("g");
        g.input("x", ElementType.FLOAT, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.node("Relu", List.of("y")));
        assertTrue(e.getMessage().contains("Relu reads 'y', which no input, initializer or earlier node defines"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.initializer("x", new float[] {1, 2}, 2));
        assertTrue(e.getMessage().contains("'x' is empty or already used"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.initializer("w", new float[] {1, 2, 3}, 2, 2));
        assertTrue(e.getMessage().contains("initializer w: dimensions [2, 2] do not hold 3 elements"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.output("z", ElementType.FLOAT, 2));
        assertThrows(IllegalStateException.class, g::encode, "no output yet");
    }

    private static UnknownFieldSet message(UnknownFieldSet parent, int field) throws InvalidProtocolBufferException {
        return UnknownFieldSet.parseFrom(parent.getField(field).getLengthDelimitedList().get(0));
    }

    private static String string(UnknownFieldSet parent, int field) {
        return parent.getField(field).getLengthDelimitedList().get(0).toStringUtf8();
    }

    private static List<String> strings(UnknownFieldSet parent, int field) {
        return parent.getField(field).getLengthDelimitedList().stream().map(ByteString::toStringUtf8).toList();
    }
}

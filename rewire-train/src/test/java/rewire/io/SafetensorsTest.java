package rewire.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.optim.Slots;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void headerLayoutByteForByte() throws IOException {
        byte[] bytes = Safetensors.encode(Map.of("a", new SafeTensor.F32(new int[] {2}, new float[] {1f, -2f})), Map.of());
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";  // 54 bytes, padded to 56
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(new byte[] {56, 0, 0, 0, 0, 0, 0, 0});
        expected.write(json.getBytes(StandardCharsets.UTF_8));
        expected.write(new byte[] {' ', ' '});
        expected.write(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0});  // 1.0f, -2.0f little-endian
        assertArrayEquals(expected.toByteArray(), bytes);
    }

    @Test
    void headerIsPaddedWithSpacesToEightBytes() {
        Map<String, String> metadata = Map.of("k", "v");
        byte[] bytes = Safetensors.encode(Map.of("ab", new SafeTensor.I32(new int[] {1, 1}, new int[] {-3})), metadata);
        String json = "{\"__metadata__\":{\"k\":\"v\"},\"ab\":{\"dtype\":\"I32\",\"shape\":[1,1],\"data_offsets\":[0,4]}}";
        int padded = (json.length() + 7) / 8 * 8;
        assertEquals(padded, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0));
        assertEquals(json + " ".repeat(padded - json.length()), new String(bytes, 8, padded, StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {(byte) 0xfd, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                Arrays.copyOfRange(bytes, 8 + padded, bytes.length));
    }

    @Test
    void roundTripWithMetadata() throws IOException {
        Map<String, SafeTensor> tensors = new LinkedHashMap<>();
        tensors.put("w", new SafeTensor.F32(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, Float.NaN}));
        tensors.put("idx", new SafeTensor.I32(new int[] {3}, new int[] {7, 8, Integer.MIN_VALUE}));
        tensors.put("scalar", new SafeTensor.F32(new int[0], new float[] {0.5f}));
        tensors.put("empty", new SafeTensor.F32(new int[] {0, 4}, new float[0]));
        Path file = dir.resolve("t.safetensors");
        Safetensors.write(file, tensors, Map.of("format", "pt"));
        Safetensors.Contents back = Safetensors.read(file);
        assertEquals(List.of("w", "idx", "scalar", "empty"), List.copyOf(back.tensors().keySet()));
        assertArrayEquals(new int[] {2, 3}, back.tensors().get("w").shape());
        assertArrayEquals(((SafeTensor.F32) tensors.get("w")).data(), ((SafeTensor.F32) back.tensors().get("w")).data());
        assertArrayEquals(new int[] {7, 8, Integer.MIN_VALUE}, ((SafeTensor.I32) back.tensors().get("idx")).data());
        assertEquals(0.5f, ((SafeTensor.F32) back.tensors().get("scalar")).data()[0]);
        assertEquals(Map.of("format", "pt"), back.metadata());
    }

    @Test
    void readsTensorsStoredInAnotherOrder() throws CorruptFileException {
        String json = "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        Safetensors.Contents c = Safetensors.decode(file(json, new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40}), "mem");
        assertEquals(1f, ((SafeTensor.F32) c.tensors().get("a")).data()[0]);
        assertEquals(2f, ((SafeTensor.F32) c.tensors().get("b")).data()[0]);
    }

    @Test
    void malformedFilesAreNamed() {
        byte[] good = Safetensors.encode(Map.of("a", new SafeTensor.F32(new int[] {2}, new float[] {1f, 2f})), Map.of());
        assertDefect(Arrays.copyOf(good, 5), "truncated: 5 bytes");
        assertDefect(Arrays.copyOf(good, 40), "header length 56 does not fit the 40-byte file");
        assertDefect(Arrays.copyOf(good, good.length - 1), "the tensors cover 8 bytes but the data has 7: truncated");
        assertDefect(Arrays.copyOf(good, good.length + 4), "trailing bytes");
        assertDefect(file("{\"a\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]}}", new byte[2]),
                "tensor 'a': dtype: F16 is not supported, only F32 and I32");
        assertDefect(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]),
                "tensor 'a': data_offsets: [0, 8] do not hold 3 elements of 4 bytes");
        assertDefect(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]),
                "tensor 'a' starts at byte 4 of the data, expected 0");
        assertDefect(file("{\"a\":1,}", new byte[0]), "header: not valid JSON: Unexpected character ('}'");
        assertDefect(file("[1]", new byte[0]), "header is not a JSON object");
        assertDefect(file("{\"a\":{\"dtype\":\"F32\"}}", new byte[0]), "tensor 'a': shape: missing");
        assertDefect(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", new byte[0]),
                "tensor 'a': shape: negative dimension in [-1]");
        assertDefect(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", new byte[4]),
                "tensor 'a': shape[0]: Cannot coerce Floating-point value (1.5)");
        assertDefect(file("{\"__metadata__\":{\"k\":1}}", new byte[0]), "__metadata__ value of 'k' is not a string");
    }

    @Test
    void paramsExportWithDocumentedNamesAndImportBack() throws IOException {
        List<Param> saved = ParamStateTest.model(3);
        Path file = dir.resolve("model.safetensors");
        SafetensorsParams.write(file, saved);
        Safetensors.Contents contents = Safetensors.read(file);
        assertEquals(List.of("fc1.weight.crow_indices", "fc1.weight.col_indices", "fc1.weight.values", "fc1.bias"),
                List.copyOf(contents.tensors().keySet()));
        assertEquals(Map.of("fc1.weight.size", "[4,5]"), contents.metadata());
        assertArrayEquals(new int[] {5}, contents.tensors().get("fc1.weight.crow_indices").shape());

        List<Param> fresh = ParamStateTest.model(4);
        SafetensorsParams.read(file, fresh, new Slots());
        assertEquals(((SparseParam) saved.get(0)).pattern(), ((SparseParam) fresh.get(0)).pattern());
        for (int i = 0; i < saved.size(); i++) {
            assertArrayEquals(saved.get(i).values(), fresh.get(i).values());
        }
    }

    @Test
    void aSparseParamsSizeMetadataMustBeRowsAndCols() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsParams.write(file, ParamStateTest.model(3));
        Map<String, SafeTensor> tensors = Safetensors.read(file).tensors();
        for (Map<String, String> metadata : List.of(Map.<String, String>of(), Map.of("fc1.weight.size", "[4]"),
                Map.of("fc1.weight.size", "[4, 5.5]"), Map.of("fc1.weight.size", "{\"rows\": 4}"))) {
            Path bad = dir.resolve("bad.safetensors");
            Safetensors.write(bad, tensors, metadata);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SafetensorsParams.read(bad, ParamStateTest.model(4), new Slots()), metadata.toString());
            assertTrue(e.getMessage().startsWith(bad + ": ") && e.getMessage().contains("'fc1.weight.size'"), e.getMessage());
        }
    }

    private static byte[] file(String json, byte[] data) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).put(data).array();
    }

    private static void assertDefect(byte[] bytes, String expected) {
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Safetensors.decode(bytes, "m.safetensors"));
        assertTrue(e.getMessage().startsWith("m.safetensors: ") && e.getMessage().contains(expected), e.getMessage());
    }
}

package rewire.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The safetensors format (Hugging Face): an unsigned 64-bit little-endian header length N, N bytes
 * of UTF-8 JSON, then the raw little-endian tensor data. The JSON maps each tensor name to
 * {@code {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}} (byte offsets into the
 * data that follows the header), plus an optional {@code "__metadata__"} object of string values.
 *
 * <p>Writing puts {@code __metadata__} first (when not empty), then the tensors in the map's
 * order, their data contiguous in that order, and pads the header with spaces to a multiple of 8
 * bytes so the data is aligned. Reading accepts F32 and I32 tensors in any order and checks that
 * the offsets match the shapes and tile the data exactly, as the reference implementation does.
 */
public final class Safetensors {
    /** The largest header accepted, as in the reference implementation. */
    static final long MAX_HEADER = 100_000_000;
    private static final String METADATA = "__metadata__";
    private static final int CHUNK = 1 << 16;

    private Safetensors() {
    }

    /**
     * The tensors and metadata of a file, in header order.
     *
     * @param tensors tensors by name
     * @param metadata the {@code __metadata__} strings, empty when absent
     */
    public record Contents(Map<String, SafeTensor> tensors, Map<String, String> metadata) {
        public Contents {
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /** Writes {@code tensors} and {@code metadata} to {@code file}, atomically. */
    public static void write(Path file, Map<String, ? extends SafeTensor> tensors, Map<String, String> metadata)
            throws IOException {
        AtomicFile.write(file, out -> writeTo(out, tensors, metadata));
    }

    /** The bytes of a safetensors file; see {@link #write}. */
    public static byte[] encode(Map<String, ? extends SafeTensor> tensors, Map<String, String> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out, tensors, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    private static void writeTo(OutputStream out, Map<String, ? extends SafeTensor> tensors, Map<String, String> metadata)
            throws IOException {
        byte[] header = header(tensors, metadata);
        int padding = (8 - header.length % 8) % 8;
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length + padding).array());
        out.write(header);
        out.write(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII));
        for (SafeTensor t : tensors.values()) {
            Object data = switch (t) {
                case SafeTensor.F32 f -> f.data();
                case SafeTensor.I32 i -> i.data();
            };
            EntryBytes.forEachChunk(data, CHUNK, (buf, len) -> out.write(buf, 0, len));
        }
    }

    private static byte[] header(Map<String, ? extends SafeTensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(METADATA, metadata);
        }
        long offset = 0;
        for (Map.Entry<String, ? extends SafeTensor> e : tensors.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("invalid tensor name '" + e.getKey() + "'");
            }
            SafeTensor t = e.getValue();
            long end = offset + 4 * t.elements();
            header.put(e.getKey(), new TensorEntry(t.dtype(), t.shape(), new long[] {offset, end}));
            offset = end;
        }
        return Json.write(header).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws CorruptFileException naming the file and the defect
     */
    public static Contents read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new CorruptFileException(file.toString(), size + " bytes: files over 2 GiB are not supported");
        }
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Parses the bytes of a safetensors file; {@code source} names it in errors. */
    public static Contents decode(byte[] bytes, String source) throws CorruptFileException {
        if (bytes.length < 8) {
            throw new CorruptFileException(source, "truncated: " + bytes.length + " bytes, no room for the header length");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = in.getLong(0);
        if (n < 2 || n > MAX_HEADER || n > bytes.length - 8) {
            throw new CorruptFileException(source, "header length " + Long.toUnsignedString(n) + " does not fit the "
                    + bytes.length + "-byte file: truncated, or not a safetensors file");
        }
        ObjectNode header = parseHeader(bytes, (int) n, source);
        TensorTable table = new TensorTable(source, bytes.length - 8 - (int) n);
        for (Map.Entry<String, JsonNode> e : header.properties()) {
            if (!e.getKey().equals(METADATA)) {
                table.add(e.getKey(), entry(e.getKey(), e.getValue(), source));
            }
        }
        Map<String, SafeTensor> tensors = table.decode(in, 8 + (int) n);
        return new Contents(tensors, metadata(header.get(METADATA), source));
    }

    private static ObjectNode parseHeader(byte[] bytes, int n, String source) throws CorruptFileException {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 8, n)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptFileException(source, "header is not valid UTF-8");
        }
        JsonNode header;
        try {
            header = Json.read(json, JsonNode.class, "header");
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(source, e.getMessage());
        }
        if (header instanceof ObjectNode object) {
            return object;
        }
        throw new CorruptFileException(source, "header is not a JSON object");
    }

    private static TensorEntry entry(String name, JsonNode node, String source) throws CorruptFileException {
        try {
            return Json.read(node, TensorEntry.class, "tensor '" + name + "'");
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(source, e.getMessage());
        }
    }

    private static Map<String, String> metadata(JsonNode value, String source) throws CorruptFileException {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (value == null) {
            return metadata;
        }
        if (!(value instanceof ObjectNode object)) {
            throw new CorruptFileException(source, METADATA + " is not an object");
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!e.getValue().isString()) {
                throw new CorruptFileException(source, METADATA + " value of '" + e.getKey() + "' is not a string");
            }
            metadata.put(e.getKey(), e.getValue().stringValue());
        }
        return metadata;
    }

    /**
     * One tensor's header entry: {@code {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}},
     * checked on its own (the byte range holds the shape's elements); other keys are ignored, as the
     * reference implementation ignores them.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TensorEntry(String dtype, int[] shape, @JsonProperty("data_offsets") long[] dataOffsets) {
        TensorEntry {
            FieldChecks.required(dtype, "dtype");
            FieldChecks.required(shape, "shape");
            FieldChecks.required(dataOffsets, "data_offsets");
            if (!dtype.equals("F32") && !dtype.equals("I32")) {
                throw new InvalidFieldException("dtype", dtype + " is not supported, only F32 and I32");
            }
            if (Arrays.stream(shape).anyMatch(d -> d < 0)) {
                throw new InvalidFieldException("shape", "negative dimension in " + Arrays.toString(shape));
            }
            long elements = Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact);
            if (dataOffsets.length != 2 || dataOffsets[0] < 0 || dataOffsets[1] - dataOffsets[0] != 4 * elements
                    || elements > Integer.MAX_VALUE) {
                throw new InvalidFieldException("data_offsets", Arrays.toString(dataOffsets) + " do not hold "
                        + elements + " elements of 4 bytes");
            }
        }

        long begin() {
            return dataOffsets[0];
        }

        long end() {
            return dataOffsets[1];
        }
    }

    /** The tensor entries of a header, checked against the data they point into. */
    private static final class TensorTable {
        private record Named(String name, TensorEntry entry) {
        }

        private final String source;
        private final long dataLength;
        private final List<Named> entries = new ArrayList<>();

        TensorTable(String source, long dataLength) {
            this.source = source;
            this.dataLength = dataLength;
        }

        void add(String name, TensorEntry entry) {
            entries.add(new Named(name, entry));
        }

        /** Decodes every tensor after checking that their byte ranges tile the data exactly. */
        Map<String, SafeTensor> decode(ByteBuffer in, int dataStart) throws CorruptFileException {
            List<Named> byOffset = new ArrayList<>(entries);
            byOffset.sort((a, b) -> Long.compare(a.entry.begin(), b.entry.begin()));
            long expected = 0;
            for (Named t : byOffset) {
                if (t.entry.begin() != expected) {
                    throw new CorruptFileException(source, "tensor '" + t.name + "' starts at byte " + t.entry.begin()
                            + " of the data, expected " + expected + " (gap or overlap)");
                }
                expected = t.entry.end();
            }
            if (expected != dataLength) {
                throw new CorruptFileException(source, "the tensors cover " + expected + " bytes but the data has "
                        + dataLength + (expected > dataLength ? ": truncated" : ": trailing bytes"));
            }
            Map<String, SafeTensor> tensors = new LinkedHashMap<>();
            for (Named t : entries) {
                int offset = dataStart + (int) t.entry.begin();
                int length = (int) (t.entry.end() - t.entry.begin());
                tensors.put(t.name, t.entry.dtype().equals("F32")
                        ? new SafeTensor.F32(t.entry.shape(), (float[]) EntryBytes.decode(Checkpoint.Kind.FLOATS, in, offset, length))
                        : new SafeTensor.I32(t.entry.shape(), (int[]) EntryBytes.decode(Checkpoint.Kind.INTS, in, offset, length)));
            }
            return tensors;
        }
    }
}

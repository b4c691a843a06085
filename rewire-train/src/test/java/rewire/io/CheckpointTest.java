package rewire.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    static Checkpoint sample() {
        return Checkpoint.builder()
                .putFloats("fc1.weight", new float[] {1.5f, -0f, Float.NaN, Float.MIN_VALUE, 3e38f})
                .putInts("pattern", new int[] {0, -1, Integer.MAX_VALUE})
                .putLong("step", 1234567890123L)
                .putText("config", "{\"lr\": 0.05, \"name\": \"é\"}")
                .putFloats("empty", new float[0])
                .putText("blank", "")
                .build();
    }

    @Test
    void roundTripKeepsEveryEntryBitForBit() throws IOException {
        Path file = dir.resolve("a.ckpt");
        sample().write(file);
        Checkpoint back = Checkpoint.read(file);
        assertEquals(List.copyOf(sample().names()), List.copyOf(back.names()));
        assertArrayEquals(sample().floats("fc1.weight"), back.floats("fc1.weight"));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(back.floats("fc1.weight")[1]));
        assertArrayEquals(new int[] {0, -1, Integer.MAX_VALUE}, back.ints("pattern"));
        assertEquals(1234567890123L, back.longValue("step"));
        assertEquals("{\"lr\": 0.05, \"name\": \"é\"}", back.text("config"));
        assertEquals(0, back.floats("empty").length);
        assertEquals("", back.text("blank"));
        assertEquals(Checkpoint.Kind.INTS, back.kind("pattern"));
        assertEquals(file.toString(), back.source());
    }

    @Test
    void headerLayout() throws IOException {
        Path file = dir.resolve("h.ckpt");
        Checkpoint.builder().putLong("s", 7).build().write(file);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new byte[] {(byte) 0x89, 'R', 'W', 'C', 'K', 'P', 'T', '\n'}, Arrays.copyOf(b.array(), 8));
        assertEquals(1, b.getInt(8), "version");
        assertEquals(1, b.getInt(12), "entry count");
        int table = 2 + 1 + 1 + 8 + 8 + 4;
        assertEquals(table, b.getInt(24));
        long dataOffset = 28 + table + 4;
        assertEquals(dataOffset + 8 + 4, b.getLong(16), "file length");
        assertEquals(b.capacity(), b.getLong(16));
        assertEquals(dataOffset, b.getLong(28 + 2 + 1 + 1), "offset of the first entry");
        assertEquals(7, b.getLong((int) dataOffset));
    }

    @Test
    void flippedByteInAnEntryNamesFileAndEntry() throws IOException {
        Path file = dir.resolve("c.ckpt");
        sample().write(file);
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1234567890123L).array());
        bytes[at + 2] ^= 0x10;
        Files.write(file, bytes);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().startsWith(file + ": entry 'step' is corrupt: checksum mismatch"), e.getMessage());
    }

    @Test
    void flippedByteInTheTableOrTrailer() throws IOException {
        Path file = dir.resolve("t.ckpt");
        sample().write(file);
        byte[] bytes = Files.readAllBytes(file);
        byte[] table = bytes.clone();
        table[indexOf(table, "pattern".getBytes())] ^= 1;
        assertMessage(table, "header or entry table is corrupt: checksum mismatch");
        byte[] trailer = bytes.clone();
        trailer[trailer.length - 1] ^= (byte) 0x80;
        assertMessage(trailer, "file is corrupt: checksum mismatch");
    }

    @Test
    void truncationWrongMagicAndVersion() throws IOException {
        Path file = dir.resolve("x.ckpt");
        sample().write(file);
        byte[] bytes = Files.readAllBytes(file);
        assertMessage(Arrays.copyOf(bytes, bytes.length - 10), "truncated: the header promises " + bytes.length
                + " bytes, the file has " + (bytes.length - 10));
        assertMessage(Arrays.copyOf(bytes, 20), "truncated: 20 bytes, shorter than the 36-byte minimum");
        assertMessage(Arrays.copyOf(bytes, 3), "truncated");
        assertMessage(new byte[0], "truncated");
        assertMessage("PK\3\4 a zip file, not a checkpoint".getBytes(), "not a Rewire checkpoint: wrong magic 50 4b 03 04");
        byte[] v2 = bytes.clone();
        v2[8] = 2;
        assertMessage(v2, "unsupported checkpoint version 2 (this build reads version 1)");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertMessage(longer, "(trailing bytes)");
    }

    /** Each byte of the file in turn, xor-ed with a random nonzero mask; two sweeps with different masks. */
    @Test
    void everySingleByteCorruptionIsDetected() throws IOException {
        byte[] intact = encode(sample());
        forEachSeed(58, 2, rng -> {
            for (int position = 0; position < intact.length; position++) {
                byte[] bytes = intact.clone();
                int flip = intBetween(rng, 1, 255);
                bytes[position] ^= (byte) flip;
                assertThrows(CorruptFileException.class, () -> CheckpointFormat.decode(bytes, "mem"),
                        "byte " + position + " of " + bytes.length + " xor " + flip);
            }
        });
    }

    @Test
    void typedAccessAndMissingEntries() {
        Checkpoint c = sample();
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> c.ints("step"));
        assertEquals("checkpoint in memory: entry 'step' holds LONG, not INTS", kind.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.floats("nope"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.builder().putLong("a", 1).putLong("a", 2));
        float[] source = {1f};
        Checkpoint copy = Checkpoint.builder().putFloats("f", source).build();
        source[0] = 2f;
        copy.floats("f")[0] = 3f;
        assertEquals(1f, copy.floats("f")[0], "copied in and out");
    }

    private static byte[] encode(Checkpoint c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Object> entries = new LinkedHashMap<>();
        for (String name : c.names()) {
            entries.put(name, switch (c.kind(name)) {
                case FLOATS -> c.floats(name);
                case INTS -> c.ints(name);
                case LONG -> c.longValue(name);
                case TEXT -> c.text(name);
            });
        }
        CheckpointFormat.encode(entries, out);
        return out.toByteArray();
    }

    private void assertMessage(byte[] bytes, String expected) throws IOException {
        Path file = Files.write(dir.resolve("corrupt.ckpt"), bytes);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(expected), e.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}

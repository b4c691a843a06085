package rewire.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The checkpoint file format, version 1. All numbers little-endian; checksums are CRC32C.
 * <pre>
 * offset   size  field
 * 0        8     magic 89 52 57 43 4B 50 54 0A  ("\x89RWCKPT\n": the high byte and the newline
 *                catch transfers that strip the 8th bit or rewrite line ends)
 * 8        4     version (1)
 * 12       4     entry count n
 * 16       8     file length L in bytes, this trailer included
 * 24       4     table length T in bytes
 * 28       T     entry table, per entry: u16 name length, name (UTF-8), u8 kind
 *                (1 floats, 2 ints, 3 long, 4 text), u64 data offset from the file start,
 *                u64 data length in bytes, u32 checksum of the data
 * 28+T     4     checksum of bytes [0, 28+T): header and table, checked before the table is trusted
 * 32+T     ...   entry data in table order: float32, int32, int64 or UTF-8 text
 * L-4      4     checksum of bytes [0, L-4): the whole file
 * </pre>
 * Decoding checks, in order: magic, version, length (truncation), header checksum, table bounds,
 * every entry's checksum (so a corrupt entry is named), the whole-file checksum.
 */
final class CheckpointFormat {
    static final byte[] MAGIC = {(byte) 0x89, 'R', 'W', 'C', 'K', 'P', 'T', '\n'};
    static final int VERSION = 1;
    static final int HEADER = 28;
    private static final int CHUNK = 1 << 16;

    private CheckpointFormat() {
    }

    private record TableEntry(String name, Checkpoint.Kind kind, long offset, long length, int crc) {
    }

    static void encode(Map<String, Object> entries, OutputStream out) throws IOException {
        ByteBuffer table = ByteBuffer.allocate(tableLength(entries)).order(ByteOrder.LITTLE_ENDIAN);
        long offset = HEADER + table.capacity() + 4L;
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            long length = byteLength(e.getValue());
            CRC32C crc = new CRC32C();
            EntryBytes.forEachChunk(e.getValue(), CHUNK, (buf, len) -> crc.update(buf, 0, len));
            table.putShort((short) name.length).put(name).put((byte) (Checkpoint.kindOf(e.getValue()).ordinal() + 1))
                    .putLong(offset).putLong(length).putInt((int) crc.getValue());
            offset += length;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(VERSION).putInt(entries.size()).putLong(offset + 4).putInt(table.capacity());
        CRC32C fileCrc = new CRC32C();
        ChecksummedOutput sink = new ChecksummedOutput(out, fileCrc);
        sink.write(header.array(), HEADER);
        sink.write(table.array(), table.capacity());
        sink.write(le32((int) fileCrc.getValue()), 4);  // at this point the file CRC covers header and table only
        for (Object value : entries.values()) {
            EntryBytes.forEachChunk(value, CHUNK, sink::write);
        }
        out.write(le32((int) fileCrc.getValue()));
    }

    /** An output that feeds every byte written to a checksum too. */
    private record ChecksummedOutput(OutputStream out, CRC32C crc) {
        void write(byte[] buf, int len) throws IOException {
            out.write(buf, 0, len);
            crc.update(buf, 0, len);
        }
    }

    static Checkpoint decode(byte[] bytes, String source) throws CorruptFileException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        checkMagicAndVersion(bytes, in, source);
        long declared = in.getLong(16);
        if (declared != bytes.length) {
            throw new CorruptFileException(source, declared > bytes.length
                    ? "truncated: the header promises " + declared + " bytes, the file has " + bytes.length
                    : "the header promises " + declared + " bytes, the file has " + bytes.length + " (trailing bytes)");
        }
        long tableLength = in.getInt(24) & 0xFFFFFFFFL;
        if (HEADER + tableLength + 8 > bytes.length) {
            throw new CorruptFileException(source, "corrupt header: entry table of " + tableLength
                    + " bytes does not fit in " + bytes.length + " bytes");
        }
        int tableEnd = HEADER + (int) tableLength;
        checkCrc(bytes, 0, tableEnd, in.getInt(tableEnd), source, "header or entry table");
        Map<String, Object> entries = new LinkedHashMap<>();
        for (TableEntry e : readTable(in, in.getInt(12), tableEnd, bytes.length - 4, source)) {
            checkCrc(bytes, (int) e.offset, (int) e.length, e.crc, source, "entry '" + e.name + "'");
            entries.put(e.name, EntryBytes.decode(e.kind, in, (int) e.offset, (int) e.length));
        }
        checkCrc(bytes, 0, bytes.length - 4, in.getInt(bytes.length - 4), source, "file");
        return new Checkpoint(entries, source);
    }

    private static void checkMagicAndVersion(byte[] bytes, ByteBuffer in, String source) throws CorruptFileException {
        int n = Math.min(bytes.length, MAGIC.length);
        if (!Arrays.equals(bytes, 0, n, MAGIC, 0, n)) {
            throw new CorruptFileException(source, "not a Rewire checkpoint: wrong magic "
                    + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, n) + ", expected " + HexFormat.ofDelimiter(" ").formatHex(MAGIC));
        }
        if (bytes.length < HEADER + 8) {
            throw new CorruptFileException(source, "truncated: " + bytes.length + " bytes, shorter than the "
                    + (HEADER + 8) + "-byte minimum of a checkpoint");
        }
        int version = in.getInt(8);
        if (version != VERSION) {
            throw new CorruptFileException(source, "unsupported checkpoint version " + version
                    + " (this build reads version " + VERSION + ")");
        }
    }

    private static List<TableEntry> readTable(ByteBuffer in, int count, int tableEnd, int dataEnd, String source)
            throws CorruptFileException {
        List<TableEntry> table = new ArrayList<>();
        in.position(HEADER);
        long expectedOffset = tableEnd + 4L;
        for (int i = 0; i < count; i++) {
            if (in.position() + 2 > tableEnd) {
                throw new CorruptFileException(source, "corrupt entry table: entry " + i + " of " + count + " is missing");
            }
            byte[] name = new byte[in.getShort() & 0xFFFF];
            if (in.position() + name.length + 21 > tableEnd) {
                throw new CorruptFileException(source, "corrupt entry table: entry " + i + " overruns the table");
            }
            in.get(name);
            int kind = in.get();
            TableEntry e = new TableEntry(new String(name, StandardCharsets.UTF_8),
                    kind >= 1 && kind <= 4 ? Checkpoint.Kind.values()[kind - 1] : null, in.getLong(), in.getLong(), in.getInt());
            if (e.kind == null || e.offset != expectedOffset || e.length < 0 || e.offset + e.length > dataEnd
                    || !EntryBytes.fitsKind(e.kind, e.length)) {
                throw new CorruptFileException(source, "corrupt entry table: entry '" + e.name + "' (kind " + kind
                        + ", offset " + e.offset + ", " + e.length + " bytes) is inconsistent");
            }
            expectedOffset += e.length;
            table.add(e);
        }
        if (in.position() != tableEnd || expectedOffset != dataEnd) {
            throw new CorruptFileException(source, "corrupt entry table: entries do not fill the file");
        }
        return table;
    }

    private static void checkCrc(byte[] bytes, int from, int length, int stored, String source, String what)
            throws CorruptFileException {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        if ((int) crc.getValue() != stored) {
            throw new CorruptFileException(source, what + " is corrupt: checksum mismatch (stored "
                    + String.format("%08x, computed %08x)", stored, (int) crc.getValue()));
        }
    }

    private static int tableLength(Map<String, Object> entries) {
        int length = 0;
        for (String name : entries.keySet()) {
            length += 2 + name.getBytes(StandardCharsets.UTF_8).length + 1 + 8 + 8 + 4;
        }
        return length;
    }

    private static long byteLength(Object value) {
        return switch (value) {
            case float[] f -> 4L * f.length;
            case int[] i -> 4L * i.length;
            case Long l -> 8;
            case String s -> s.getBytes(StandardCharsets.UTF_8).length;
            default -> throw new AssertionError(value.getClass());
        };
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}

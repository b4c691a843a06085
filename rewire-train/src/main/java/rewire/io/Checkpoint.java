package rewire.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A checkpoint: named entries, each a {@code float[]}, an {@code int[]}, a {@code long} or a
 * text (for example JSON), in insertion order. What goes in is the caller's choice (the trainer's);
 * {@link ParamState} holds the conventions for parameters, optimizer slots and generators.
 *
 * <p>Immutable: arrays are copied in and copied out. {@link #write} replaces the file atomically;
 * {@link #read} verifies magic, version and every checksum before returning anything. The file
 * format is described in {@link CheckpointFormat}.
 */
public final class Checkpoint {
    /** What an entry holds. */
    public enum Kind {
        FLOATS, INTS, LONG, TEXT
    }

    private final Map<String, Object> entries;
    private final String source;

    Checkpoint(Map<String, Object> entries, String source) {
        this.entries = Collections.unmodifiableMap(entries);
        this.source = source;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects entries; names are unique, non-empty, at most 65535 bytes of UTF-8. */
    public static final class Builder {
        private final Map<String, Object> entries = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder putFloats(String name, float[] values) {
            return put(name, values.clone());
        }

        public Builder putInts(String name, int[] values) {
            return put(name, values.clone());
        }

        public Builder putLong(String name, long value) {
            return put(name, value);
        }

        public Builder putText(String name, String text) {
            return put(name, text);
        }

        /** Whether an entry named {@code name} was put. */
        public boolean has(String name) {
            return entries.containsKey(name);
        }

        public Checkpoint build() {
            return new Checkpoint(new LinkedHashMap<>(entries), "checkpoint in memory");
        }

        private Builder put(String name, Object value) {
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > 0xFFFF) {
                throw new IllegalArgumentException("entry name must have 1 to 65535 bytes, got " + bytes);
            }
            if (value == null) {
                throw new IllegalArgumentException("entry '" + name + "' is null");
            }
            if (entries.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("entry '" + name + "' is already in the checkpoint");
            }
            return this;
        }
    }

    /**
     * Reads and verifies {@code file}.
     *
     * @throws CorruptFileException naming the file (and the entry) when the magic, version, length
     *     or a checksum is wrong
     */
    public static Checkpoint read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new CorruptFileException(file.toString(), size + " bytes: checkpoints over 2 GiB are not supported");
        }
        return CheckpointFormat.decode(Files.readAllBytes(file), file.toString());
    }

    /** This checkpoint in the file format, as bytes (to ship it to another process). */
    public byte[] toBytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            CheckpointFormat.encode(entries, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads and verifies the bytes {@link #toBytes} gave; {@code source} names them in errors.
     *
     * @throws CorruptFileException when they are not a valid checkpoint
     */
    public static Checkpoint fromBytes(byte[] bytes, String source) throws CorruptFileException {
        return CheckpointFormat.decode(bytes, source);
    }

    /** Writes this checkpoint to {@code file}, replacing it atomically (see {@link AtomicFile}). */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, out -> CheckpointFormat.encode(entries, out));
    }

    /** Entry names in order. */
    public Set<String> names() {
        return entries.keySet();
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    public Kind kind(String name) {
        return kindOf(get(name));
    }

    /** A copy of the float array {@code name}. */
    public float[] floats(String name) {
        return ((float[]) get(name, Kind.FLOATS)).clone();
    }

    /** A copy of the int array {@code name}. */
    public int[] ints(String name) {
        return ((int[]) get(name, Kind.INTS)).clone();
    }

    public long longValue(String name) {
        return (Long) get(name, Kind.LONG);
    }

    public String text(String name) {
        return (String) get(name, Kind.TEXT);
    }

    /** Where this checkpoint was read from, for messages. */
    public String source() {
        return source;
    }

    static Kind kindOf(Object value) {
        return switch (value) {
            case float[] f -> Kind.FLOATS;
            case int[] i -> Kind.INTS;
            case Long l -> Kind.LONG;
            case String s -> Kind.TEXT;
            default -> throw new AssertionError(value.getClass());
        };
    }

    private Object get(String name) {
        Object value = entries.get(name);
        if (value == null) {
            throw new IllegalArgumentException(source + " has no entry '" + name + "' (it has " + entries.size() + " entries)");
        }
        return value;
    }

    private Object get(String name, Kind kind) {
        Object value = get(name);
        if (kindOf(value) != kind) {
            throw new IllegalArgumentException(source + ": entry '" + name + "' holds " + kindOf(value) + ", not " + kind);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Checkpoint(" + source + ", " + entries.size() + " entries)";
    }
}

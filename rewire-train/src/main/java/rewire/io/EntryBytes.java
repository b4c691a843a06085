package rewire.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Little-endian bytes of checkpoint entry values, produced in bounded chunks so large arrays are never copied whole. */
final class EntryBytes {
    /** Receives {@code len} bytes of {@code buf}; the buffer is reused for the next chunk. */
    @FunctionalInterface
    interface Sink {
        void accept(byte[] buf, int len) throws IOException;
    }

    private EntryBytes() {
    }

    static void forEachChunk(Object value, int chunk, Sink sink) throws IOException {
        switch (value) {
            case float[] f -> {
                ByteBuffer buf = ByteBuffer.allocate(chunk).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < f.length; i += chunk / 4) {
                    int n = Math.min(chunk / 4, f.length - i);
                    buf.clear();
                    buf.asFloatBuffer().put(f, i, n);
                    sink.accept(buf.array(), 4 * n);
                }
            }
            case int[] a -> {
                ByteBuffer buf = ByteBuffer.allocate(chunk).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < a.length; i += chunk / 4) {
                    int n = Math.min(chunk / 4, a.length - i);
                    buf.clear();
                    buf.asIntBuffer().put(a, i, n);
                    sink.accept(buf.array(), 4 * n);
                }
            }
            case Long l -> sink.accept(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(l).array(), 8);
            case String s -> {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                sink.accept(bytes, bytes.length);
            }
            default -> throw new AssertionError(value.getClass());
        }
    }

    /** Whether {@code length} bytes can hold a value of {@code kind}. */
    static boolean fitsKind(Checkpoint.Kind kind, long length) {
        return switch (kind) {
            case FLOATS, INTS -> length % 4 == 0;
            case LONG -> length == 8;
            case TEXT -> true;
        };
    }

    static Object decode(Checkpoint.Kind kind, ByteBuffer in, int offset, int length) {
        ByteBuffer slice = in.slice(offset, length).order(ByteOrder.LITTLE_ENDIAN);
        return switch (kind) {
            case FLOATS -> {
                float[] f = new float[length / 4];
                slice.asFloatBuffer().get(f);
                yield f;
            }
            case INTS -> {
                int[] a = new int[length / 4];
                slice.asIntBuffer().get(a);
                yield a;
            }
            case LONG -> slice.getLong();
            case TEXT -> StandardCharsets.UTF_8.decode(slice).toString();
        };
    }
}

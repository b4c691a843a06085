package rewire.dist;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the binary messages shards send (little-endian, growing as needed); float arrays go in
 * bulk. {@link MessageReader} reads them back.
 */
final class MessageWriter {
    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    MessageWriter writeByte(int v) {
        room(1).put((byte) v);
        return this;
    }

    MessageWriter writeInt(int v) {
        room(4).putInt(v);
        return this;
    }

    MessageWriter writeLong(long v) {
        room(8).putLong(v);
        return this;
    }

    MessageWriter writeFloat(float v) {
        room(4).putFloat(v);
        return this;
    }

    MessageWriter writeDouble(double v) {
        room(8).putDouble(v);
        return this;
    }

    /** The values, without their count. */
    MessageWriter writeFloats(float[] values) {
        ByteBuffer b = room(4L * values.length);
        b.asFloatBuffer().put(values);
        b.position(b.position() + 4 * values.length);
        return this;
    }

    /** The values, without their count. */
    MessageWriter writeInts(int[] values) {
        ByteBuffer b = room(4L * values.length);
        b.asIntBuffer().put(values);
        b.position(b.position() + 4 * values.length);
        return this;
    }

    MessageWriter writeBytes(byte[] values) {
        room(values.length).put(values);
        return this;
    }

    /** A string as its UTF-8 length and bytes. */
    MessageWriter writeText(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return writeInt(utf8.length).writeBytes(utf8);
    }

    /** The bytes written so far. */
    byte[] toBytes() {
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private ByteBuffer room(long bytes) {
        if (buffer.remaining() < bytes) {
            long needed = buffer.position() + bytes;
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a shard's message would exceed 2 GB (" + needed + " bytes)");
            }
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buffer.capacity()));
            ByteBuffer grown = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            grown.put(buffer.array(), 0, buffer.position());
            buffer = grown;
        }
        return buffer;
    }
}

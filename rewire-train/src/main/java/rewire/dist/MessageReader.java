package rewire.dist;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads what a {@link MessageWriter} wrote; a message that ends early is an {@link IllegalStateException}. */
final class MessageReader {
    private final ByteBuffer buffer;

    MessageReader(byte[] message) {
        this.buffer = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
    }

    byte readByte() {
        return take(1).get();
    }

    int readInt() {
        return take(4).getInt();
    }

    long readLong() {
        return take(8).getLong();
    }

    float readFloat() {
        return take(4).getFloat();
    }

    double readDouble() {
        return take(8).getDouble();
    }

    /** {@code into.length} floats into {@code into}. */
    void readFloats(float[] into) {
        ByteBuffer b = take(4L * into.length);
        b.asFloatBuffer().get(into);
        b.position(b.position() + 4 * into.length);
    }

    /** {@code into.length} ints into {@code into}. */
    void readInts(int[] into) {
        ByteBuffer b = take(4L * into.length);
        b.asIntBuffer().get(into);
        b.position(b.position() + 4 * into.length);
    }

    void readBytes(byte[] into) {
        take(into.length).get(into);
    }

    String readText() {
        byte[] utf8 = new byte[count(readInt())];
        readBytes(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** A count read from the message, checked to be one the rest of the message can hold. */
    int count(int n) {
        if (n < 0 || n > buffer.remaining()) {
            throw new IllegalStateException("corrupt shard message: a count of " + n + " with " + buffer.remaining()
                    + " bytes left");
        }
        return n;
    }

    /** Whether every byte was read. */
    boolean atEnd() {
        return !buffer.hasRemaining();
    }

    private ByteBuffer take(long bytes) {
        if (buffer.remaining() < bytes) {
            throw new IllegalStateException("corrupt shard message: " + bytes + " bytes wanted, " + buffer.remaining()
                    + " left", new BufferUnderflowException());
        }
        return buffer;
    }
}

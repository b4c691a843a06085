package rewire.simd;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Where a float array sits relative to the vector size, so the streaming kernels can load whole
 * vectors that do not straddle cache lines.
 *
 * <p>Why it matters: a heap array's first element is only 8-byte aligned, so rows of a
 * {@code (rows, 128)} activation matrix start wherever the allocation happened to land. When a
 * 64-byte load straddles two cache lines the core pays for two; measured on this project's
 * AVX-512 machine, the forward kernel at 10% density ran 0.74 ms with misaligned rows and
 * 0.49 ms with aligned ones, so the speed of a layer depended on the luck of its allocation.
 *
 * <p>Java has no API that returns the address of a heap array, but the foreign function API can
 * pass a heap array to native code ({@link Linker.Option#critical(boolean)}): {@code memcpy} of
 * zero bytes does nothing and returns its destination pointer. The answer can be stale by the
 * time it is used (a garbage collection may move the array), which costs speed, never
 * correctness: the kernels give the same bits for any alignment. Without native access (the JVM
 * was started without {@code --enable-native-access}, or the C library lacks {@code memcpy})
 * every array counts as aligned, which is the behaviour of plain loads.
 */
final class Alignment {
    private static final MethodHandle MEMCPY = bind();

    private Alignment() {
    }

    private static MethodHandle bind() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("memcpy").map(f -> linker.downcallHandle(f,
                    // void *memcpy(void *dst, const void *src, size_t n); the pointer comes back as a
                    // long, which on 64-bit targets is the same register and saves a wrapper object
                    FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG), Linker.Option.critical(true)))
                    .orElse(null);
        } catch (IllegalCallerException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The native address of {@code a[0]} now, or -1 when it cannot be known. */
    static long address(float[] a) {
        if (MEMCPY == null) {
            return -1;
        }
        MemorySegment heap = MemorySegment.ofArray(a);
        try {
            return (long) MEMCPY.invokeExact(heap, heap, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("memcpy downcall failed", t);
        }
    }

    /**
     * How many floats from {@code a[0]} to the next multiple of the vector size in memory, in
     * {@code [0, L)}; 0 when the address cannot be known.
     */
    static int lead(float[] a) {
        long address = address(a);
        if (address < 0) {
            return 0;
        }
        int bytes = Lanes.FLOATS.vectorByteSize();
        return (int) ((bytes - (address & (bytes - 1))) & (bytes - 1)) / Float.BYTES;
    }
}

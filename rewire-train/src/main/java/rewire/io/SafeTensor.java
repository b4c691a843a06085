package rewire.io;

import java.util.Arrays;
import rewire.tensor.Tensor;

/**
 * One tensor of a safetensors file: its dtype, its shape and its elements in row-major order.
 * The arrays are shared, not copied.
 */
public sealed interface SafeTensor permits SafeTensor.F32, SafeTensor.I32 {

    /** The safetensors dtype name: "F32" or "I32". */
    String dtype();

    int[] shape();

    /** Number of elements: the product of the shape. */
    default long elements() {
        long n = 1;
        for (int d : shape()) {
            n *= d;
        }
        return n;
    }

    /** float32 elements. */
    record F32(int[] shape, float[] data) implements SafeTensor {
        public F32 {
            requireLength(shape, data.length);
        }

        public static F32 of(Tensor tensor) {
            return new F32(tensor.shape().dims(), tensor.data());
        }

        @Override
        public String dtype() {
            return "F32";
        }
    }

    /** int32 elements (sparse indices). */
    record I32(int[] shape, int[] data) implements SafeTensor {
        public I32 {
            requireLength(shape, data.length);
        }

        @Override
        public String dtype() {
            return "I32";
        }
    }

    private static void requireLength(int[] shape, int length) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " elements, got " + length);
        }
    }
}

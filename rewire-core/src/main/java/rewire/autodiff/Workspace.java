package rewire.autodiff;

import java.util.ArrayList;
import rewire.tensor.Shape;
import rewire.tensor.Tensor;

/**
 * Buffers of a {@link Tape} kept across steps and keyed by the order in which they are asked
 * for: the k-th request after {@link #rewind()} gets the k-th buffer of the previous step when
 * the shape matches, and a new one otherwise. A training loop records the same ops on the same
 * shapes every step, so after the first step the hot path allocates no tensors.
 */
final class Workspace {
    private final ArrayList<Tensor> tensors = new ArrayList<>();
    private final ArrayList<int[]> ints = new ArrayList<>();
    private int nextTensor;
    private int nextInts;

    /** Makes every buffer available again; their contents become garbage. */
    void rewind() {
        nextTensor = 0;
        nextInts = 0;
    }

    /** A tensor of this shape whose contents are unspecified (the caller overwrites all of it). */
    Tensor tensor(Shape shape) {
        int slot = nextTensor++;
        if (slot < tensors.size() && sameShape(tensors.get(slot).shape(), shape)) {
            return tensors.get(slot);
        }
        Tensor fresh = Tensor.zeros(shape.dims());
        if (slot < tensors.size()) {
            tensors.set(slot, fresh);
        } else {
            tensors.add(fresh);
        }
        return fresh;
    }

    /** A tensor of this shape filled with zeros. */
    Tensor zeros(Shape shape) {
        return tensor(shape).fill(0f);
    }

    /** An int array of this length whose contents are unspecified. */
    int[] ints(int length) {
        int slot = nextInts++;
        if (slot < ints.size() && ints.get(slot).length == length) {
            return ints.get(slot);
        }
        int[] fresh = new int[length];
        if (slot < ints.size()) {
            ints.set(slot, fresh);
        } else {
            ints.add(fresh);
        }
        return fresh;
    }

    // Compares without Shape.dims(), which copies.
    private static boolean sameShape(Shape a, Shape b) {
        if (a.rank() != b.rank()) {
            return false;
        }
        for (int i = 0; i < a.rank(); i++) {
            if (a.dim(i) != b.dim(i)) {
                return false;
            }
        }
        return true;
    }
}

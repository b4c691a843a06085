package rewire.models.marl;

import java.util.Arrays;
import java.util.List;

/** Arrays end to end for checkpoints, and a reader that takes them apart again in the same order. */
final class Concat {
    private Concat() {
    }

    static float[] floats(List<float[]> parts) {
        float[] out = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static int[] ints(List<int[]> parts) {
        int[] out = new int[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Booleans as 0/1 ints (checkpoints hold no boolean arrays). */
    static int[] booleans(List<boolean[]> parts) {
        int[] out = new int[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (boolean[] p : parts) {
            for (boolean b : p) {
                out[at++] = b ? 1 : 0;
            }
        }
        return out;
    }

    /** Takes consecutive pieces off one concatenated array. */
    static final class Reader {
        private final float[] floats;
        private final int[] ints;
        private int at;

        Reader(float[] all) {
            this.floats = all;
            this.ints = null;
        }

        Reader(int[] all) {
            this.floats = null;
            this.ints = all;
        }

        float[] floats(int n) {
            check(n, floats.length);
            float[] out = Arrays.copyOfRange(floats, at, at + n);
            at += n;
            return out;
        }

        int[] ints(int n) {
            check(n, ints.length);
            int[] out = Arrays.copyOfRange(ints, at, at + n);
            at += n;
            return out;
        }

        boolean[] booleans(int n) {
            int[] raw = ints(n);
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = raw[i] != 0;
            }
            return out;
        }

        private void check(int n, int length) {
            if (at + n > length) {
                throw new IllegalArgumentException("checkpoint array too short: need " + (at + n) + " values, it has "
                        + length);
            }
        }
    }
}

package rewire.train;

/** Stores {@code long[]} state in checkpoints, which hold {@code int[]}: low word, then high word. */
final class LongsAsInts {
    private LongsAsInts() {
    }

    static int[] split(long[] longs) {
        int[] ints = new int[longs.length * 2];
        for (int i = 0; i < longs.length; i++) {
            ints[2 * i] = (int) longs[i];
            ints[2 * i + 1] = (int) (longs[i] >>> 32);
        }
        return ints;
    }

    static long[] join(int[] ints) {
        if (ints.length % 2 != 0) {
            throw new IllegalArgumentException("an odd number of ints (" + ints.length + ") cannot hold longs");
        }
        long[] longs = new long[ints.length / 2];
        for (int i = 0; i < longs.length; i++) {
            longs[i] = (ints[2 * i] & 0xFFFFFFFFL) | ((long) ints[2 * i + 1] << 32);
        }
        return longs;
    }
}

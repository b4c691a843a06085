package rewire.sparse;

import java.util.Arrays;

/**
 * The one primitive that changes topology: a map from an old pattern to a new pattern of the
 * same shape. {@code source[e]} is the old entry that new entry {@code e} keeps, or {@code -1}
 * when entry {@code e} is grown. Every connection-aligned array (weights, gradients, each
 * optimizer slot) moves through the same remap, so code that changes topology never needs to
 * know which arrays exist.
 */
public final class Remap {
    /** Marks a grown entry in {@link #source()}. */
    public static final int GROWN = -1;

    private final SparsityPattern from;
    private final SparsityPattern to;
    private final int[] source;
    private final int kept;

    private Remap(SparsityPattern from, SparsityPattern to, int[] source, int kept) {
        this.from = from;
        this.to = to;
        this.source = source;
        this.kept = kept;
    }

    /**
     * The remap between two patterns of the same shape: an entry present in both is kept, an
     * entry only in {@code to} is grown, an entry only in {@code from} is pruned.
     */
    public static Remap between(SparsityPattern from, SparsityPattern to) {
        requireSameShape(from, to);
        int[] source = new int[to.nnz()];
        int kept = 0;
        int[] fp = from.rowPtr();
        int[] fc = from.colIdx();
        int[] tp = to.rowPtr();
        int[] tc = to.colIdx();
        for (int r = 0; r < to.rows(); r++) {
            int a = fp[r];
            int aEnd = fp[r + 1];
            for (int e = tp[r]; e < tp[r + 1]; e++) {
                while (a < aEnd && fc[a] < tc[e]) {
                    a++;
                }
                if (a < aEnd && fc[a] == tc[e]) {
                    source[e] = a++;
                    kept++;
                } else {
                    source[e] = GROWN;
                }
            }
        }
        return new Remap(from, to, source, kept);
    }

    /** The identity remap of a pattern onto itself. */
    public static Remap identity(SparsityPattern pattern) {
        int[] source = new int[pattern.nnz()];
        Arrays.setAll(source, i -> i);
        return new Remap(pattern, pattern, source, pattern.nnz());
    }

    public SparsityPattern from() {
        return from;
    }

    public SparsityPattern to() {
        return to;
    }

    /** Source entry per new entry, {@link #GROWN} for grown ones. A copy. */
    public int[] source() {
        return source.clone();
    }

    /** The indices of the grown entries of the new pattern, increasing (length {@link #grown()}). */
    public int[] grownEntries() {
        int[] out = new int[grown()];
        for (int e = 0, g = 0; e < source.length; e++) {
            if (source[e] == GROWN) {
                out[g++] = e;
            }
        }
        return out;
    }

    /** Number of entries present in both patterns. */
    public int kept() {
        return kept;
    }

    /** Number of entries of the new pattern that the old one lacked. */
    public int grown() {
        return to.nnz() - kept;
    }

    /** Number of entries of the old pattern that the new one drops. */
    public int pruned() {
        return from.nnz() - kept;
    }

    /** A new array aligned with {@link #to()}: kept entries copied bit for bit, grown ones {@code fill}. */
    public float[] apply(float[] oldValues, float fill) {
        float[] out = new float[to.nnz()];
        applyInto(oldValues, out, fill);
        return out;
    }

    /** Writes into {@code out} (length new nnz) the remapped {@code oldValues} (length old nnz). */
    public void applyInto(float[] oldValues, float[] out, float fill) {
        if (oldValues.length != from.nnz() || out.length != to.nnz()) {
            throw new IllegalArgumentException("remap " + from.nnz() + " -> " + to.nnz()
                    + " entries, arrays have " + oldValues.length + " -> " + out.length);
        }
        for (int e = 0; e < out.length; e++) {
            int s = source[e];
            out[e] = s == GROWN ? fill : oldValues[s];
        }
    }

    private static void requireSameShape(SparsityPattern a, SparsityPattern b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("remap between patterns of different shapes: "
                    + a.rows() + " x " + a.cols() + " and " + b.rows() + " x " + b.cols());
        }
    }

    @Override
    public String toString() {
        return "Remap(kept " + kept + ", pruned " + pruned() + ", grown " + grown() + ")";
    }
}

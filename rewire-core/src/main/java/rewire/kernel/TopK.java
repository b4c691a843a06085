package rewire.kernel;

import java.util.Arrays;

/**
 * Streaming selection of the {@code k} best (largest) scores with their positions, in O(k)
 * memory. Ties are broken by position: of two equal scores the smaller position wins, so the
 * selection does not depend on the order in which candidates are offered. NaN ranks below every
 * number.
 *
 * <p>Candidates that may still enter are appended to a buffer of {@code 2k}; when it is full a
 * selection (quickselect) keeps the {@code k} best and their worst becomes the floor that later
 * candidates must beat. That is O(1) amortized per candidate, where a heap paid O(log k) for
 * every one that entered, and the scans of gradient-based growth offer many that do.
 *
 * <p>Call order: {@link #offer} any number of times, then {@link #result()} or
 * {@link #unordered()} once.
 */
public final class TopK {
    private final int k;
    private final float[] score;
    private final long[] pos;
    private int size;
    // After the first compaction: the k-th best candidate so far, which a newcomer must beat.
    private boolean hasFloor;
    private float floorScore;
    private long floorPos;

    public TopK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be non-negative, got " + k);
        }
        this.k = k;
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, 2L * k);
        this.score = new float[capacity];
        this.pos = new long[capacity];
    }

    /** Selected positions and scores, best first. */
    public record Result(long[] positions, float[] scores) {
        public int size() {
            return positions.length;
        }

        /** The positions in increasing order (the form patterns are built from). */
        public long[] sortedPositions() {
            long[] p = positions.clone();
            Arrays.sort(p);
            return p;
        }
    }

    /** Offers one candidate. */
    public void offer(float candidateScore, long position) {
        if (k == 0 || hasFloor && (candidateScore < floorScore
                || !better(candidateScore, position, floorScore, floorPos))) {
            return;
        }
        score[size] = candidateScore;
        pos[size] = position;
        if (++size == score.length) {
            keepBest();
        }
    }

    /**
     * A score at or below which no candidate offered from now on can enter, provided candidates
     * come in increasing position order (a tie loses to every held position then): the floor once
     * there is one, otherwise negative infinity. Lets a scan skip the call.
     */
    public float floorForLaterPositions() {
        return hasFloor && !Float.isNaN(floorScore) ? floorScore : Float.NEGATIVE_INFINITY;
    }

    public Result result() {
        if (size > k) {
            keepBest();
        }
        sortBest(0, size - 1);
        return new Result(Arrays.copyOf(pos, size), Arrays.copyOf(score, size));
    }

    /**
     * The same selection as {@link #result()} in no particular order, without its sort: for
     * callers that order the positions themselves (a topology update sorts them by position).
     */
    public Result unordered() {
        if (size > k) {
            keepBest();
        }
        return new Result(Arrays.copyOf(pos, size), Arrays.copyOf(score, size));
    }

    /** The indices of the {@code k} largest values of {@code scores}, best first, ties to the lower index. */
    public static int[] largest(float[] scores, int k) {
        TopK top = new TopK(Math.min(k, scores.length));
        for (int i = 0; i < scores.length; i++) {
            top.offer(scores[i], i);
        }
        long[] pos = top.result().positions();
        int[] out = new int[pos.length];
        for (int i = 0; i < pos.length; i++) {
            out[i] = (int) pos[i];
        }
        return out;
    }

    // true when (s1, p1) ranks above (s2, p2)
    private static boolean better(float s1, long p1, float s2, long p2) {
        boolean nan1 = Float.isNaN(s1);
        boolean nan2 = Float.isNaN(s2);
        if (nan1 != nan2) {
            return nan2;
        }
        if (!nan1 && s1 != s2) {
            return s1 > s2;
        }
        return p1 < p2;
    }

    // Moves the k best of the buffer to its front (quickselect of the k-th best, median-of-three
    // pivots), drops the rest and makes the k-th best the floor.
    private void keepBest() {
        int target = k - 1;
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int p = partition(lo, hi, medianOfThree(lo, lo + (hi - lo) / 2, hi));
            if (p == target) {
                break;
            }
            if (p < target) {
                lo = p + 1;
            } else {
                hi = p - 1;
            }
        }
        size = k;
        hasFloor = true;
        floorScore = score[target];
        floorPos = pos[target];
    }

    // Orders [lo, hi] best first in place: quicksort on keepBest's partition, recursing into the
    // shorter side (stack depth O(log k)), with insertion sort for short ranges.
    private void sortBest(int lo, int hi) {
        while (hi - lo > INSERTION_SORT_MAX) {
            int p = partition(lo, hi, medianOfThree(lo, lo + (hi - lo) / 2, hi));
            if (p - lo < hi - p) {
                sortBest(lo, p - 1);
                lo = p + 1;
            } else {
                sortBest(p + 1, hi);
                hi = p - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && better(score[j], pos[j], score[j - 1], pos[j - 1]); j--) {
                swap(j, j - 1);
            }
        }
    }

    private static final int INSERTION_SORT_MAX = 16;

    // Puts the candidate at pivot in its ranked place within [lo, hi], the better ones before it.
    private int partition(int lo, int hi, int pivot) {
        swap(pivot, hi);
        float pivotScore = score[hi];
        long pivotPos = pos[hi];
        int store = lo;
        for (int i = lo; i < hi; i++) {
            if (better(score[i], pos[i], pivotScore, pivotPos)) {
                swap(i, store++);
            }
        }
        swap(store, hi);
        return store;
    }

    private int medianOfThree(int a, int b, int c) {
        boolean ab = better(score[a], pos[a], score[b], pos[b]);
        boolean bc = better(score[b], pos[b], score[c], pos[c]);
        boolean ac = better(score[a], pos[a], score[c], pos[c]);
        if (ab == bc) {
            return b;
        }
        return ab == ac ? c : a;
    }

    private void swap(int i, int j) {
        float s = score[i];
        score[i] = score[j];
        score[j] = s;
        long p = pos[i];
        pos[i] = pos[j];
        pos[j] = p;
    }
}

package rewire.kernel;

import java.util.Arrays;

/**
 * Streaming selection of the {@code k} best (largest) scores with their positions, in O(k)
 * memory. Ties are broken by position: of two equal scores the smaller position wins, so the
 * selection does not depend on the order in which candidates are offered. NaN ranks below every
 * number.
 *
 * <p>Call order: {@link #offer} any number of times, then {@link #result()} once.
 */
public final class TopK {
    private final int k;
    private final float[] heapScore;
    private final long[] heapPos;
    private int size;

    public TopK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be non-negative, got " + k);
        }
        this.k = k;
        this.heapScore = new float[k];
        this.heapPos = new long[k];
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
    public void offer(float score, long position) {
        if (size < k) {
            heapScore[size] = score;
            heapPos[size] = position;
            siftUp(size++);
        } else if (k > 0 && !(score < heapScore[0]) && better(score, position, heapScore[0], heapPos[0])) {
            // (a score strictly below the worst held one never enters: the common case, tested first)
            heapScore[0] = score;
            heapPos[0] = position;
            siftDown(0);
        }
    }

    /**
     * A score at or below which no candidate offered from now on can enter, provided candidates
     * come in increasing position order (a tie loses to every held position then): the worst held
     * score once {@code k} are held, otherwise negative infinity. Lets a scan skip the call.
     */
    public float floorForLaterPositions() {
        return size == k && k > 0 && !Float.isNaN(heapScore[0]) ? heapScore[0] : Float.NEGATIVE_INFINITY;
    }

    /** Whether {@code k} candidates are held, so a new one enters only by beating the worst. */
    public boolean isFull() {
        return size == k;
    }

    public Result result() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> better(heapScore[x], heapPos[x], heapScore[y], heapPos[y]) ? -1
                : better(heapScore[y], heapPos[y], heapScore[x], heapPos[x]) ? 1 : 0);
        long[] pos = new long[size];
        float[] scores = new float[size];
        for (int i = 0; i < size; i++) {
            pos[i] = heapPos[order[i]];
            scores[i] = heapScore[order[i]];
        }
        return new Result(pos, scores);
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

    // min-heap on rank: the root is the worst selected candidate
    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(heapScore[parent], heapPos[parent], heapScore[i], heapPos[i])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int worst = l;
            int r = l + 1;
            if (r < size && better(heapScore[l], heapPos[l], heapScore[r], heapPos[r])) {
                worst = r;
            }
            if (!better(heapScore[i], heapPos[i], heapScore[worst], heapPos[worst])) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int i, int j) {
        float s = heapScore[i];
        heapScore[i] = heapScore[j];
        heapScore[j] = s;
        long p = heapPos[i];
        heapPos[i] = heapPos[j];
        heapPos[j] = p;
    }
}

package rewire.sparsity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rewire.kernel.TopK;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.sparse.StorageFormat;
import rewire.tensor.Rng;

/**
 * Constraints that fix the count of every group of consecutive columns within a row: constant
 * fan-in (the group is the whole row, quota {@code target / rows}) and N:M (groups of {@code m}
 * columns, quota {@code n}). A group's entries are contiguous in CSR, which keeps every pass
 * linear in nnz.
 *
 * <p>Constant fan-in under {@link NeuronAblation} (SRigL) lets rows be empty: an ablated neuron
 * holds no connection and the layer's budget is shared by the active rows, each holding
 * {@code target / active}. The rewirer's constraint then accepts any pattern whose non-empty rows
 * hold one count ({@link #ablatingFanIn}); within one update the rows chosen to stay active are
 * fixed ({@link #overRows}), and pruning empties the others.
 */
final class Grouped implements Constraint {
    private final String name;
    private final int width;
    private final int fixedQuota;
    private final boolean emptyRows;
    private final boolean[] active;
    private final int activeRows;

    // width 0: the group is the whole row; fixedQuota -1: quota from the target; emptyRows: rows may
    // hold nothing (ablated); active: the rows that hold connections in one update, null for all
    private Grouped(String name, int width, int fixedQuota, boolean emptyRows, boolean[] active) {
        this.name = name;
        this.width = width;
        this.fixedQuota = fixedQuota;
        this.emptyRows = emptyRows;
        this.active = active;
        int count = 0;
        for (int r = 0; active != null && r < active.length; r++) {
            count += active[r] ? 1 : 0;
        }
        this.activeRows = count;
    }

    static Grouped fanIn() {
        return new Grouped("constant-fan-in", 0, -1, false, null);
    }

    /** Constant fan-in over the non-empty rows: the structure a layer keeps under neuron ablation. */
    static Grouped ablatingFanIn() {
        return new Grouped("constant-fan-in+ablation", 0, -1, true, null);
    }

    static Grouped nOfM(int n, int m) {
        if (m <= 0 || n < 0 || n > m) {
            throw new IllegalArgumentException("N:M needs 0 <= n <= m and m > 0, got " + n + ":" + m);
        }
        return new Grouped(n + ":" + m, m, n, false, null);
    }

    /**
     * This fan-in constraint for one update in which exactly the flagged rows hold connections,
     * each {@code target / active} of them (at most the row's width); the others are emptied.
     */
    Grouped overRows(boolean[] activeFlags) {
        if (width != 0 || !emptyRows) {
            throw new IllegalStateException(name + " keeps every row; only " + ablatingFanIn().name
                    + " has rows to ablate");
        }
        return new Grouped(name, 0, -1, true, activeFlags.clone());
    }

    /** Whether this is constant fan-in, with or without ablation. */
    boolean isFanIn() {
        return width == 0 && fixedQuota < 0;
    }

    @Override
    public String name() {
        return name;
    }

    /** Every row keeps the same count under both kinds (N:M: cols / M * N), so the fan-in kernels serve both. */
    @Override
    public StorageFormat format() {
        return StorageFormat.FAN_IN;
    }

    private int groupWidth(int cols) {
        return width == 0 ? cols : width;
    }

    private int groupsPerRow(int cols) {
        requireDivisible(cols);
        return width == 0 ? 1 : cols / width;
    }

    // the count of every active row's group
    private int quota(int rows, int cols, long target) {
        if (fixedQuota >= 0) {
            return fixedQuota;
        }
        int holders = active == null ? rows : activeRows;
        return (int) Math.min(cols, target / Math.max(1, holders));
    }

    // row r's quota: 0 for a row this update ablates
    private int rowQuota(int r, int q) {
        return active == null || active[r] ? q : 0;
    }

    @Override
    public int feasibleNnz(int rows, int cols, long target) {
        if (fixedQuota >= 0) {
            return rows * groupsPerRow(cols) * fixedQuota;
        }
        if (active != null) {
            return activeRows * quota(rows, cols, target);
        }
        if (emptyRows) {
            // whole fan-ins rounded up: a layer with ablated rows holds a * floor(T / a) > T - rows
            // connections, which maps back to the same budget T at the next update instead of shrinking
            return (int) (rows * Math.max(0, Math.min(cols, Math.ceilDiv(target, rows))));
        }
        long perRow = Math.round((double) target / rows);
        return (int) (rows * Math.max(0, Math.min(cols, perRow)));
    }

    @Override
    public String violation(SparsityPattern p) {
        if (width != 0 && p.cols() % width != 0) {
            return name + " needs the column count to be a multiple of " + width + ", got " + p.cols();
        }
        if (active != null && active.length != p.rows()) {
            return name + ": " + active.length + " row flags for a pattern of " + p.rows() + " rows";
        }
        int first = -1;
        int[] idx = p.colIdx();
        for (int r = 0; r < p.rows(); r++) {
            int e = p.rowStart(r);
            int held = p.rowEnd(r) - e;
            if (active != null && !active[r] && held > 0) {
                return name + ": row " + r + " is ablated but holds " + held + " entries";
            }
            if (emptyRows && held == 0 && (active == null || !active[r])) {
                continue;
            }
            for (int g = 0; g < groupsPerRow(p.cols()); g++) {
                int end = groupEnd(idx, e, p.rowEnd(r), g, p.cols());
                int count = end - e;
                int expected = fixedQuota >= 0 ? fixedQuota : (first < 0 ? count : first);
                first = first < 0 ? count : first;
                if (count != expected) {
                    return name + ": row " + r + (width == 0 ? "" : ", group " + g) + " has " + count
                            + " entries, expected " + expected;
                }
                e = end;
            }
        }
        return null;
    }

    @Override
    public SparsityPattern randomPattern(int rows, int cols, int nnz, Rng rng) {
        if (nnz != feasibleNnz(rows, cols, nnz) || (fixedQuota < 0 && nnz % rows != 0)) {
            throw new IllegalArgumentException(name + " cannot hold " + nnz + " connections in " + rows + " x " + cols
                    + "; nearest feasible is " + feasibleNnz(rows, cols, nnz));
        }
        int q = quota(rows, cols, nnz);
        int w = groupWidth(cols);
        long[] positions = new long[nnz];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < groupsPerRow(cols); g++) {
                // q distinct columns of the group, uniformly
                for (int c : Patterns.random(1, w, q, rng).colIdx()) {
                    positions[n++] = (long) r * cols + (long) g * w + c;
                }
            }
        }
        return Patterns.fromSortedPositions(rows, cols, positions);
    }

    @Override
    public boolean[] keep(SparsityPattern p, float[] scores, KeyRule rule, Rng rng, int pruneCount, int target) {
        int n = p.nnz();
        float[] keys = new float[n];
        for (int e = 0; e < n; e++) {
            keys[e] = rule.key(scores[e], rng);
        }
        int q = quota(p.rows(), p.cols(), target);
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        int mandatory = 0;
        int[] idx = p.colIdx();
        for (int r = 0; r < p.rows(); r++) {
            int e = p.rowStart(r);
            for (int g = 0; g < groupsPerRow(p.cols()); g++) {
                int end = groupEnd(idx, e, p.rowEnd(r), g, p.cols());
                mandatory += dropLowest(keys, keep, e, end, end - e - rowQuota(r, q));
                e = end;
            }
        }
        int optional = pruneCount - mandatory;
        if (optional > 0) {
            dropLowestAmongKept(keys, keep, optional);
        }
        return keep;
    }

    @Override
    public int[] growQuota(SparsityPattern kept, int target) {
        int q = quota(kept.rows(), kept.cols(), target);
        int groups = groupsPerRow(kept.cols());
        int[] quota = new int[kept.rows() * groups];
        int[] idx = kept.colIdx();
        for (int r = 0; r < kept.rows(); r++) {
            int e = kept.rowStart(r);
            for (int g = 0; g < groups; g++) {
                int end = groupEnd(idx, e, kept.rowEnd(r), g, kept.cols());
                quota[r * groups + g] = Math.max(0, rowQuota(r, q) - (end - e));
                e = end;
            }
        }
        return quota;
    }

    @Override
    public Selection select(SparsityPattern kept, SparsityPattern exclude, int[] quota, ScoreSource scores,
                            KeyRule rule, Rng rng, int tileFloats) {
        int cols = exclude.cols();
        int groups = groupsPerRow(cols);
        int w = groupWidth(cols);
        assert quota.length == exclude.rows() * groups;
        List<TopK.Result> picked = new ArrayList<>();
        TopK[] current = {null};
        int[] currentGroup = {-1};
        Scan.candidates(exclude, rule.usesScores() ? scores : null, tileFloats, (r, c, s) -> {
            int group = r * groups + c / w;
            if (group != currentGroup[0]) {
                if (current[0] != null) {
                    picked.add(current[0].result());
                }
                currentGroup[0] = group;
                current[0] = quota[group] > 0 ? new TopK(quota[group]) : null;
            }
            if (current[0] != null) {
                current[0].offer(rule.key(s, rng), (long) r * cols + c);
            }
        });
        if (current[0] != null) {
            picked.add(current[0].result());
        }
        return concat(picked);
    }

    // end of group g's entries starting at e in a row ending at rowEnd
    private int groupEnd(int[] idx, int e, int rowEnd, int g, int cols) {
        int limit = (g + 1) * groupWidth(cols);
        while (e < rowEnd && idx[e] < limit) {
            e++;
        }
        return e;
    }

    // clears keep for the `count` lowest keys of entries [from, to); returns how many were cleared
    private static int dropLowest(float[] keys, boolean[] keep, int from, int to, int count) {
        if (count <= 0) {
            return 0;
        }
        boolean[] groupKeep = Ranking.keepTop(Arrays.copyOfRange(keys, from, to), (to - from) - count);
        System.arraycopy(groupKeep, 0, keep, from, to - from);
        return count;
    }

    private static void dropLowestAmongKept(float[] keys, boolean[] keep, int count) {
        int[] alive = new int[keep.length];
        int n = 0;
        for (int e = 0; e < keep.length; e++) {
            if (keep[e]) {
                alive[n++] = e;
            }
        }
        float[] aliveKeys = new float[n];
        for (int i = 0; i < n; i++) {
            aliveKeys[i] = keys[alive[i]];
        }
        boolean[] aliveKeep = Ranking.keepTop(aliveKeys, Math.max(0, n - count));
        for (int i = 0; i < n; i++) {
            keep[alive[i]] = aliveKeep[i];
        }
    }

    private static Selection concat(List<TopK.Result> parts) {
        int total = parts.stream().mapToInt(TopK.Result::size).sum();
        long[] positions = new long[total];
        float[] keys = new float[total];
        int n = 0;
        for (TopK.Result part : parts) {
            System.arraycopy(part.positions(), 0, positions, n, part.size());
            System.arraycopy(part.scores(), 0, keys, n, part.size());
            n += part.size();
        }
        return Selection.unsorted(positions, keys);
    }

    private void requireDivisible(int cols) {
        if (width != 0 && cols % width != 0) {
            throw new IllegalArgumentException(name + " needs the column count to be a multiple of " + width
                    + ", got " + cols);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

package rewire.sparsity;

import java.util.Arrays;
import rewire.kernel.TopK;
import rewire.sparse.DiagonalPattern;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.sparse.StorageFormat;
import rewire.tensor.Rng;

/**
 * Constraints whose atoms are equal-size sets of positions ("units") that are either wholly
 * present or wholly absent: blocks and DynaDiag diagonals. Prune and grow rank whole units by the
 * sum of their positions' scores, then apply the key rule per unit, so random and sampled rules
 * pick units, not positions. Memory: one float and one int per unit (for blocks, the layer size
 * divided by the block size).
 */
final class Units implements Constraint {

    /** How positions of a {@code rows x cols} layer group into units. */
    private interface Layout {
        int count(int rows, int cols);

        int size(int rows, int cols);

        int unitOf(int rows, int cols, int row, int col);

        long position(int rows, int cols, int unit, int i);

        String check(int rows, int cols);
    }

    private final String name;
    private final Layout layout;
    private final boolean budgetRoundsUp;
    private final StorageFormat format;

    // budgetRoundsUp: DynaDiag's K = max(1, ceil(target / D)); otherwise the nearest unit count
    private Units(String name, Layout layout, boolean budgetRoundsUp, StorageFormat format) {
        this.name = name;
        this.layout = layout;
        this.budgetRoundsUp = budgetRoundsUp;
        this.format = format;
    }

    static Units blocks(int br, int bc) {
        if (br <= 0 || bc <= 0) {
            throw new IllegalArgumentException("block shape must be positive, got " + br + " x " + bc);
        }
        return new Units("block-" + br + "x" + bc, new Layout() {
            public int count(int rows, int cols) {
                return (rows / br) * (cols / bc);
            }

            public int size(int rows, int cols) {
                return br * bc;
            }

            public int unitOf(int rows, int cols, int row, int col) {
                return (row / br) * (cols / bc) + col / bc;
            }

            public long position(int rows, int cols, int unit, int i) {
                int perRow = cols / bc;
                return (long) ((unit / perRow) * br + i / bc) * cols + (long) (unit % perRow) * bc + i % bc;
            }

            public String check(int rows, int cols) {
                return rows % br == 0 && cols % bc == 0 ? null
                        : "blocks of " + br + " x " + bc + " do not tile a " + rows + " x " + cols + " layer";
            }
        }, false, StorageFormat.blocks(br, bc));
    }

    static Units diagonals() {
        return new Units("diagonal", new Layout() {
            public int count(int rows, int cols) {
                return DiagonalPattern.count(rows, cols);
            }

            public int size(int rows, int cols) {
                return DiagonalPattern.length(rows, cols);
            }

            public int unitOf(int rows, int cols, int row, int col) {
                return DiagonalPattern.diagonalOf(rows, cols, row, col);
            }

            public long position(int rows, int cols, int unit, int i) {
                return DiagonalPattern.position(rows, cols, unit, i);
            }

            public String check(int rows, int cols) {
                return null;
            }
        }, true, StorageFormat.DIAGONAL);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StorageFormat format() {
        return format;
    }

    @Override
    public int feasibleNnz(int rows, int cols, long target) {
        requireLayout(rows, cols);
        int size = layout.size(rows, cols);
        long units = budgetRoundsUp ? Math.max(1, (target + size - 1) / size) : Math.round((double) target / size);
        return (int) (Math.max(0, Math.min(layout.count(rows, cols), units)) * size);
    }

    @Override
    public String violation(SparsityPattern p) {
        String shape = layout.check(p.rows(), p.cols());
        if (shape != null) {
            return shape;
        }
        int[] counts = unitCounts(p);
        int size = layout.size(p.rows(), p.cols());
        for (int u = 0; u < counts.length; u++) {
            if (counts[u] != 0 && counts[u] != size) {
                return name + ": unit " + u + " is partly present (" + counts[u] + " of " + size + " positions)";
            }
        }
        return null;
    }

    @Override
    public SparsityPattern randomPattern(int rows, int cols, int nnz, Rng rng) {
        if (nnz != feasibleNnz(rows, cols, nnz) || nnz % layout.size(rows, cols) != 0) {
            throw new IllegalArgumentException(name + " cannot hold " + nnz + " connections in " + rows + " x " + cols
                    + "; nearest feasible is " + feasibleNnz(rows, cols, nnz));
        }
        int k = nnz / layout.size(rows, cols);
        return patternOf(rows, cols, Patterns.random(1, layout.count(rows, cols), k, rng).colIdx());
    }

    @Override
    public boolean[] keep(SparsityPattern p, float[] scores, KeyRule rule, Rng rng, int pruneCount, int target) {
        int rows = p.rows();
        int cols = p.cols();
        int size = layout.size(rows, cols);
        int[] units = entryUnits(p);
        float[] sums = new float[layout.count(rows, cols)];
        boolean[] present = new boolean[sums.length];
        for (int e = 0; e < units.length; e++) {
            sums[units[e]] += scores[e];
            present[units[e]] = true;
        }
        int[] ids = indicesOf(present);
        float[] keys = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            keys[i] = rule.key(sums[ids[i]], rng);
        }
        int pruneUnits = Math.max(ids.length - target / size, Math.round((float) pruneCount / size));
        boolean[] keptUnit = new boolean[sums.length];
        boolean[] keepIds = Ranking.keepTop(keys, Math.max(0, ids.length - pruneUnits));
        for (int i = 0; i < ids.length; i++) {
            keptUnit[ids[i]] = keepIds[i];
        }
        boolean[] keep = new boolean[units.length];
        for (int e = 0; e < units.length; e++) {
            keep[e] = keptUnit[units[e]];
        }
        return keep;
    }

    @Override
    public int[] growQuota(SparsityPattern kept, int target) {
        int size = layout.size(kept.rows(), kept.cols());
        return new int[] {Math.max(0, target / size - kept.nnz() / size)};
    }

    @Override
    public Selection select(SparsityPattern kept, SparsityPattern exclude, int[] quota, ScoreSource scores,
                            KeyRule rule, Rng rng, int tileFloats) {
        int rows = exclude.rows();
        int cols = exclude.cols();
        int[] blocked = unitCounts(exclude);
        float[] sums = new float[blocked.length];
        if (rule.usesScores()) {
            Scan.candidates(exclude, scores, tileFloats, (r, c, s) -> {
                int u = layout.unitOf(rows, cols, r, c);
                if (blocked[u] == 0) {
                    sums[u] += s;
                }
            });
        }
        TopK top = new TopK(quota[0]);
        for (int u = 0; u < sums.length; u++) {
            if (blocked[u] == 0) {
                top.offer(rule.key(sums[u], rng), u);
            }
        }
        TopK.Result best = top.unordered();
        int size = layout.size(rows, cols);
        long[] positions = new long[best.size() * size];
        float[] keys = new float[positions.length];
        for (int k = 0; k < best.size(); k++) {
            for (int i = 0; i < size; i++) {
                positions[k * size + i] = layout.position(rows, cols, (int) best.positions()[k], i);
                keys[k * size + i] = best.scores()[k];
            }
        }
        return Selection.unsorted(positions, keys);
    }

    private SparsityPattern patternOf(int rows, int cols, int[] unitIds) {
        int size = layout.size(rows, cols);
        long[] positions = new long[unitIds.length * size];
        int n = 0;
        for (int u : unitIds) {
            for (int i = 0; i < size; i++) {
                positions[n++] = layout.position(rows, cols, u, i);
            }
        }
        Arrays.sort(positions);
        return Patterns.fromSortedPositions(rows, cols, positions);
    }

    private int[] entryUnits(SparsityPattern p) {
        requireLayout(p.rows(), p.cols());
        int[] units = new int[p.nnz()];
        int[] idx = p.colIdx();
        for (int r = 0; r < p.rows(); r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                units[e] = layout.unitOf(p.rows(), p.cols(), r, idx[e]);
            }
        }
        return units;
    }

    private int[] unitCounts(SparsityPattern p) {
        int[] counts = new int[layout.count(p.rows(), p.cols())];
        for (int u : entryUnits(p)) {
            counts[u]++;
        }
        return counts;
    }

    private static int[] indicesOf(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        int[] out = new int[n];
        for (int i = 0, w = 0; i < flags.length; i++) {
            if (flags[i]) {
                out[w++] = i;
            }
        }
        return out;
    }

    private void requireLayout(int rows, int cols) {
        String defect = layout.check(rows, cols);
        if (defect != null) {
            throw new IllegalArgumentException(defect);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

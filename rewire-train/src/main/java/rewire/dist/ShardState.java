package rewire.dist;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import rewire.io.Checkpoint;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;

/**
 * What one shard carries from one of its rounds to the next: the error-feedback residual of each
 * parameter's values it sends ({@code x - C(x)}, see {@link Compression}; optimizer slots keep none,
 * see {@link LocalMessage}), keyed like the update's arrays, and the pattern each sparse parameter
 * had when its residuals were made, so that a topology change on the driver moves them along: kept
 * connections keep their residual, grown ones start at zero, and a pruned connection's residual is
 * dropped with it (the change still owed to a weight that no longer exists is not moved elsewhere).
 * Immutable; a checkpoint holds it so that a distributed run resumes exactly.
 *
 * @param residuals by array key ({@code values/<param>}; a checkpoint of an older run may also hold
 *                  {@code slot/<param>/<slot>}, which is no longer read)
 * @param rowPtrs   by sparse parameter name: the CSR row pointers the residuals align with
 * @param colIdxs   by sparse parameter name: the CSR column indices the residuals align with
 */
public record ShardState(Map<String, float[]> residuals, Map<String, int[]> rowPtrs, Map<String, int[]> colIdxs)
        implements Serializable {

    public ShardState {
        residuals = new LinkedHashMap<>(residuals);
        rowPtrs = new LinkedHashMap<>(rowPtrs);
        colIdxs = new LinkedHashMap<>(colIdxs);
    }

    /** No residuals: a shard's state before its first round, or without error feedback. */
    public static ShardState empty() {
        return new ShardState(Map.of(), Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return residuals.isEmpty();
    }

    /** The key of a parameter's values among the update's arrays. */
    static String valuesKey(Param p) {
        return "values/" + p.name();
    }

    /** The key of a parameter's optimizer slot among the update's arrays. */
    static String slotKey(Param p, String slot) {
        return "slot/" + p.name() + "/" + slot;
    }

    /**
     * The residual of array {@code key} of parameter {@code p} in its current pattern: zeros when
     * there is none, moved through the topology change when {@code p}'s pattern differs from the
     * one the residual was made in.
     */
    float[] residual(String key, Param p) {
        float[] r = residuals.get(key);
        if (r == null) {
            return new float[p.size()];
        }
        if (p instanceof SparseParam s && rowPtrs.containsKey(p.name())) {
            SparsityPattern made = SparsityPattern.of(s.rows(), s.cols(), rowPtrs.get(p.name()), colIdxs.get(p.name()));
            if (!made.equals(s.pattern())) {
                return Remap.between(made, s.pattern()).apply(r, 0f);
            }
        }
        if (r.length != p.size()) {
            throw new IllegalStateException("residual " + key + " has " + r.length + " values for " + p.size());
        }
        return r.clone();
    }

    /** Writes this state under {@code prefix} (such as {@code dist/shard/3/}). */
    public void save(Checkpoint.Builder checkpoint, String prefix) {
        residuals.forEach((key, r) -> checkpoint.putFloats(prefix + "residual/" + key, r));
        rowPtrs.forEach((name, p) -> checkpoint.putInts(prefix + "rowPtr/" + name, p));
        colIdxs.forEach((name, c) -> checkpoint.putInts(prefix + "colIdx/" + name, c));
    }

    /** The state {@link #save} wrote under {@code prefix}; empty when there is none. */
    public static ShardState read(Checkpoint checkpoint, String prefix) {
        Map<String, float[]> residuals = new LinkedHashMap<>();
        Map<String, int[]> rowPtrs = new LinkedHashMap<>();
        Map<String, int[]> colIdxs = new LinkedHashMap<>();
        for (String name : checkpoint.names()) {
            if (name.startsWith(prefix + "residual/")) {
                residuals.put(name.substring((prefix + "residual/").length()), checkpoint.floats(name));
            } else if (name.startsWith(prefix + "rowPtr/")) {
                rowPtrs.put(name.substring((prefix + "rowPtr/").length()), checkpoint.ints(name));
            } else if (name.startsWith(prefix + "colIdx/")) {
                colIdxs.put(name.substring((prefix + "colIdx/").length()), checkpoint.ints(name));
            }
        }
        return new ShardState(residuals, rowPtrs, colIdxs);
    }
}

package rewire.dist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import rewire.io.Checkpoint;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.tensor.Rng;
import rewire.train.StepResult;

/**
 * The message of a shard's local round: the steps' results, then every array the round changed,
 * parameter by parameter (its values, then its optimizer slots in name order), in the order the
 * driver's model lists them, so no name travels. A sparse weight's array is its nnz CSR values:
 * its pattern was fixed for the round and the driver knows it.
 *
 * <p>Uncompressed, an array is sent as the values the round ended with, exactly. Compressed, it
 * is the change from the snapshot, {@code x = after - before}, encoded by {@link Compression}. With
 * error feedback a parameter's values also carry the shard's residual, {@code x = after - before + e},
 * and the shard keeps {@code x - C(x)} as its next residual. An optimizer slot gets no residual:
 * it is a state (momentum, Adam's moments), not a sum of increments; the next round recomputes
 * its change from the driver's slot, so a change the driver did not receive is in that change
 * again by itself, and feeding it back as well would add it twice, undecayed (the momentum of an
 * entry top-k keeps skipping would grow by the gradient every round instead of to
 * {@code g / (1 - beta)}). The shard reports {@code sum |x - C(x)|^2} and {@code sum |x|^2} so the
 * driver can log the relative compression error.
 */
final class LocalMessage {
    private static final long RANDOMK_STREAM = 0x4A7DL;

    private LocalMessage() {
    }

    /** A message and the state the shard keeps after it. */
    record Encoded(byte[] bytes, ShardState next) {
    }

    /**
     * What the driver reads from one message.
     *
     * @param update     the values and slots the shard's arrays stand for
     * @param errorSq    {@code sum |x - C(x)|^2} over the arrays (0 uncompressed)
     * @param changeSq   {@code sum |x|^2} over the arrays (0 uncompressed)
     */
    record Decoded(LocalUpdate update, double errorSq, double changeSq) {
    }

    /**
     * Encodes {@code update}, the round of shard {@code shard} from {@code snapshot}; {@code params}
     * are the replica's, in the snapshot's patterns.
     */
    static Encoded encode(LocalUpdate update, List<Param> params, Snapshot snapshot, RoundTask task, int shard,
                          ShardState state) {
        Compression c = task.compression();
        Rng rng = new Rng(task.seed()).fold(RANDOMK_STREAM).fold(snapshot.step()).fold(shard);
        List<Array> arrays = arrays(params, update, snapshot.checkpoint());
        MessageWriter out = new MessageWriter();
        StepResults.write(out, update.steps());
        double errorSq = 0;
        double changeSq = 0;
        Map<String, float[]> residuals = new LinkedHashMap<>();
        out.writeInt(arrays.size());
        for (Array a : arrays) {
            out.writeInt(a.after.length);
            if (c.isNone()) {
                out.writeFloats(a.after);
                continue;
            }
            float[] x = a.after.clone();
            boolean fedBack = c.errorFeedback() && a.isValues();
            float[] e = fedBack ? state.residual(a.key, a.param) : null;
            for (int i = 0; i < x.length; i++) {
                x[i] = x[i] - a.before[i] + (e == null ? 0f : e[i]);
            }
            float[] sent = new float[x.length];
            c.encode(x, rng, out, sent);
            for (int i = 0; i < x.length; i++) {
                double left = x[i] - sent[i];
                errorSq += left * left;
                changeSq += (double) x[i] * x[i];
                x[i] -= sent[i];
            }
            if (fedBack) {
                residuals.put(a.key, x);
            }
        }
        out.writeDouble(errorSq).writeDouble(changeSq);
        return new Encoded(out.toBytes(), c.keepsResiduals() ? stateOf(residuals, params) : state);
    }

    /**
     * Reads a message of {@code shard} against the driver's model: {@code params} and
     * {@code slots} still hold the snapshot the round started from.
     */
    static Decoded decode(byte[] bytes, Shard shard, List<Param> params, Slots slots, Compression c) {
        MessageReader in = new MessageReader(bytes);
        List<StepResult> steps = StepResults.read(in);
        int count = in.readInt();
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, Map<String, float[]>> slotValues = new LinkedHashMap<>();
        int arrays = 0;
        for (Param p : params) {
            values.put(p.name(), read(in, p.values(), c));
            Map<String, float[]> own = new LinkedHashMap<>();
            for (String name : new TreeSet<>(slots.names(p))) {
                own.put(name, read(in, slots.get(p, name), c));
            }
            slotValues.put(p.name(), own);
            arrays += 1 + own.size();
        }
        if (arrays != count) {
            throw new IllegalStateException("shard " + shard.index() + " sent " + count + " arrays, the driver's model has "
                    + arrays);
        }
        double errorSq = in.readDouble();
        double changeSq = in.readDouble();
        if (!in.atEnd()) {
            throw new IllegalStateException("shard " + shard.index() + "'s message has bytes left over");
        }
        return new Decoded(new LocalUpdate(shard, steps, values, slotValues), errorSq, changeSq);
    }

    // the array the shard sent for base: its values, or base plus the decoded change
    private static float[] read(MessageReader in, float[] base, Compression c) {
        int n = in.readInt();
        if (n != base.length) {
            throw new IllegalStateException("a shard sent " + n + " values for an array of " + base.length);
        }
        float[] out = new float[n];
        if (c.isNone()) {
            in.readFloats(out);
            return out;
        }
        Compression.decode(in, out);
        for (int i = 0; i < n; i++) {
            out[i] += base[i];
        }
        return out;
    }

    /** One array of the update: where it is in the model, how it started and how it ended. */
    private record Array(String key, Param param, float[] before, float[] after) {
        // a parameter's values (error feedback keeps their residual), not an optimizer slot
        boolean isValues() {
            return key.equals(ShardState.valuesKey(param));
        }
    }

    private static List<Array> arrays(List<Param> params, LocalUpdate update, Checkpoint snapshot) {
        List<Array> out = new ArrayList<>();
        for (Param p : params) {
            out.add(new Array(ShardState.valuesKey(p), p, snapshot.floats("param/" + p.name() + "/values"),
                    update.values().get(p.name())));
            Map<String, float[]> slots = update.slots().get(p.name());
            for (String name : new TreeSet<>(slots.keySet())) {
                String saved = "slot/" + p.name() + "/" + name;
                float[] before = snapshot.has(saved) ? snapshot.floats(saved) : new float[p.size()];
                out.add(new Array(ShardState.slotKey(p, name), p, before, slots.get(name)));
            }
        }
        return out;
    }

    // the residuals with the patterns they are aligned to
    private static ShardState stateOf(Map<String, float[]> residuals, List<Param> params) {
        Map<String, int[]> rowPtrs = new LinkedHashMap<>();
        Map<String, int[]> colIdxs = new LinkedHashMap<>();
        for (Param p : params) {
            if (p instanceof SparseParam s) {
                rowPtrs.put(p.name(), s.pattern().rowPtr());
                colIdxs.put(p.name(), s.pattern().colIdx());
            }
        }
        return new ShardState(residuals, rowPtrs, colIdxs);
    }
}

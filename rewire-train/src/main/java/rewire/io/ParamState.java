package rewire.io;

import java.util.Collection;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.tensor.Rng;

/**
 * Conventions for training state in a {@link Checkpoint}. Entry names:
 * <ul>
 *   <li>{@code param/<name>/values} (floats) and {@code param/<name>/shape} (ints: the dense
 *       shape, or {@code [rows, cols]} of a sparse matrix);</li>
 *   <li>for a sparse parameter also {@code param/<name>/rowPtr} and {@code param/<name>/colIdx}
 *       (ints), its CSR pattern;</li>
 *   <li>{@code slot/<param>/<slot>} (floats) for each optimizer slot;</li>
 *   <li>{@code rng/<name>} (long) for a generator's {@link Rng#state()}.</li>
 * </ul>
 * Restoring goes parameters first, then slots: restoring a sparse parameter moves it to the saved
 * pattern and remaps its existing slots with it, so every slot array stays aligned. Entries of
 * parameters the model does not have are ignored.
 */
public final class ParamState {
    private ParamState() {
    }

    /** Puts the values (and sparse patterns) of {@code params}. */
    public static void putParams(Checkpoint.Builder checkpoint, Collection<? extends Param> params) {
        putParams(checkpoint, "param/", params);
    }

    /**
     * Puts the values (and sparse patterns) of {@code params} under {@code root} (such as
     * {@code "workload/target/"} for a second copy of a network whose parameters share the
     * trained network's names).
     */
    public static void putParams(Checkpoint.Builder checkpoint, String root, Collection<? extends Param> params) {
        for (Param p : params) {
            String prefix = root + p.name() + "/";
            checkpoint.putFloats(prefix + "values", p.values());
            switch (p) {
                case DenseParam d -> checkpoint.putInts(prefix + "shape", d.value().shape().dims());
                case SparseParam s -> {
                    checkpoint.putInts(prefix + "shape", new int[] {s.rows(), s.cols()});
                    checkpoint.putInts(prefix + "rowPtr", s.pattern().rowPtr());
                    checkpoint.putInts(prefix + "colIdx", s.pattern().colIdx());
                }
            }
        }
    }

    /**
     * Restores the values of {@code params} from {@code checkpoint}, sparse patterns included;
     * {@code slots} of a sparse parameter whose pattern changes are remapped along.
     *
     * @throws IllegalArgumentException when a parameter is missing, has another shape, or is
     *     sparse in one place and dense in the other
     */
    public static void restoreParams(Checkpoint checkpoint, Collection<? extends Param> params, Slots slots) {
        restoreParams(checkpoint, "param/", params, slots);
    }

    /** Restores what {@link #putParams(Checkpoint.Builder, String, Collection)} put under {@code root}. */
    public static void restoreParams(Checkpoint checkpoint, String root, Collection<? extends Param> params,
                                     Slots slots) {
        for (Param p : params) {
            String prefix = root + p.name() + "/";
            float[] values = checkpoint.floats(prefix + "values");
            int[] shape = checkpoint.ints(prefix + "shape");
            boolean savedSparse = checkpoint.has(prefix + "rowPtr");
            if (savedSparse != (p instanceof SparseParam)) {
                throw new IllegalArgumentException(checkpoint.source() + ": parameter " + p.name() + " is "
                        + (savedSparse ? "dense in the model but sparse" : "sparse in the model but dense") + " in the file");
            }
            switch (p) {
                case DenseParam d -> ParamRestore.dense(d, shape, values, checkpoint.source());
                case SparseParam s -> ParamRestore.sparse(s, shape[0], shape[1], checkpoint.ints(prefix + "rowPtr"),
                        checkpoint.ints(prefix + "colIdx"), values, slots, checkpoint.source());
            }
        }
    }

    /** Puts every slot of every parameter in {@code params}. */
    public static void putSlots(Checkpoint.Builder checkpoint, Collection<? extends Param> params, Slots slots) {
        for (Param p : params) {
            for (var slot : slots.of(p).entrySet()) {
                if (slot.getKey().contains("/")) {
                    throw new IllegalArgumentException("slot name '" + slot.getKey() + "' of " + p.name() + " contains '/'");
                }
                checkpoint.putFloats("slot/" + p.name() + "/" + slot.getKey(), slot.getValue());
            }
        }
    }

    /** Puts every saved slot of {@code params} into {@code slots}; restore the parameters first. */
    public static void restoreSlots(Checkpoint checkpoint, Collection<? extends Param> params, Slots slots) {
        for (Param p : params) {
            String prefix = "slot/" + p.name() + "/";
            for (String name : checkpoint.names()) {
                String slot = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
                if (!slot.isEmpty() && !slot.contains("/")) {
                    slots.put(p, slot, checkpoint.floats(name));
                }
            }
        }
    }

    /** Puts the state of {@code rng} under {@code rng/<name>}. */
    public static void putRng(Checkpoint.Builder checkpoint, String name, Rng rng) {
        checkpoint.putLong("rng/" + name, rng.state());
    }

    /** The generator saved under {@code rng/<name>}, continuing where it stopped. */
    public static Rng rng(Checkpoint checkpoint, String name) {
        return Rng.fromState(checkpoint.longValue("rng/" + name));
    }
}

package rewire.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

class ParamStateTest {
    @TempDir
    Path dir;

    /** A dense bias (3) and a sparse 4 x 5 weight with 6 entries, values and slots from {@code seed}. */
    static List<Param> model(long seed) {
        Rng rng = new Rng(seed);
        SparseParam w = new SparseParam("fc1.weight", CsrMatrix.zeros(Patterns.random(4, 5, 6, rng)));
        DenseParam b = new DenseParam("fc1.bias", Tensor.zeros(3));
        for (Param p : List.of(w, b)) {
            for (int i = 0; i < p.size(); i++) {
                p.values()[i] = rng.nextFloat();
            }
        }
        return List.of(w, b);
    }

    static Slots slots(List<Param> params, float offset) {
        Slots slots = new Slots();
        for (Param p : params) {
            float[] m = slots.get(p, "adam.m");
            for (int i = 0; i < m.length; i++) {
                m[i] = offset + i;
            }
        }
        return slots;
    }

    @Test
    void paramsSlotsAndRngRoundTripThroughAFile() throws IOException {
        List<Param> saved = model(1);
        Slots savedSlots = slots(saved, 10);
        Rng rng = new Rng(99);
        rng.nextLong();
        Checkpoint.Builder builder = Checkpoint.builder();
        ParamState.putParams(builder, saved);
        ParamState.putSlots(builder, saved, savedSlots);
        ParamState.putRng(builder, "data", rng);
        Path file = dir.resolve("state.ckpt");
        builder.build().write(file);

        List<Param> fresh = model(2);
        SparseParam freshWeight = (SparseParam) fresh.get(0);
        Slots freshSlots = slots(fresh, -1);
        assertNotEquals(((SparseParam) saved.get(0)).pattern(), freshWeight.pattern(), "a different topology to restore over");
        Checkpoint back = Checkpoint.read(file);
        ParamState.restoreParams(back, fresh, freshSlots);
        assertEquals(6, freshSlots.of(freshWeight).get("adam.m").length, "existing slots follow the restored pattern");
        ParamState.restoreSlots(back, fresh, freshSlots);

        assertEquals(((SparseParam) saved.get(0)).pattern(), freshWeight.pattern());
        for (int i = 0; i < saved.size(); i++) {
            assertArrayEquals(saved.get(i).values(), fresh.get(i).values());
            assertArrayEquals(savedSlots.of(saved.get(i)).get("adam.m"), freshSlots.of(fresh.get(i)).get("adam.m"));
        }
        assertEquals(rng.nextLong(), ParamState.rng(back, "data").nextLong(), "the generator continues where it stopped");
        assertTrue(back.has("param/fc1.weight/rowPtr") && back.has("slot/fc1.bias/adam.m") && back.has("rng/data"));
    }

    @Test
    void mismatchesAreNamed() {
        List<Param> saved = model(1);
        Checkpoint.Builder builder = Checkpoint.builder();
        ParamState.putParams(builder, saved);
        Checkpoint c = builder.build();
        DenseParam wide = new DenseParam("fc1.bias", Tensor.zeros(4));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> ParamState.restoreParams(c, List.of(wide), new Slots()));
        assertTrue(shape.getMessage().contains("parameter fc1.bias has shape (4,) in the model but [3]"), shape.getMessage());
        DenseParam denseWeight = new DenseParam("fc1.weight", Tensor.zeros(4, 5));
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> ParamState.restoreParams(c, List.of(denseWeight), new Slots()));
        assertTrue(kind.getMessage().contains("fc1.weight is dense in the model but sparse in the file"), kind.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ParamState.restoreParams(c, List.of(new DenseParam("fc2.bias", Tensor.zeros(1))), new Slots()));
        assertTrue(missing.getMessage().contains("no entry 'param/fc2.bias/values'"), missing.getMessage());
    }
}

package rewire.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.kernel.Kernels;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparsity.GrowCriterion;
import rewire.sparsity.RewireState;
import rewire.sparsity.Rewirer;
import rewire.sparsity.StateArray;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** The DST engine's state goes through a checkpoint file and comes back bit for bit. */
class RewireStateEntriesTest {
    private static final Rewirer SNFS = Rewirer.builder().grow(GrowCriterion.momentum()).build();

    @TempDir
    Path dir;

    private static RewireState observed(long seed) {
        Rng rng = new Rng(seed);
        SparseParam w = new SparseParam("fc1.weight", CsrMatrix.zeros(Patterns.random(5, 70, 40, rng)));
        RewireState state = SNFS.newState(List.of(w));
        Tensor x = Tensor.zeros(70, 3);
        Tensor dy = Tensor.zeros(5, 3);
        for (Tensor t : List.of(x, dy)) {
            for (int i = 0; i < t.size(); i++) {
                t.data()[i] = (float) rng.nextGaussian();
            }
        }
        state.observe(0, x, dy, Kernels.defaults());
        return state;
    }

    @Test
    void theStateRoundTripsThroughACheckpointFile() throws IOException {
        RewireState saved = observed(1);
        Checkpoint.Builder b = Checkpoint.builder();
        RewireStateEntries.put(b, "rewire/", saved);
        Path file = dir.resolve("state.ckpt");
        b.build().write(file);
        Checkpoint c = Checkpoint.read(file);
        assertEquals(Checkpoint.Kind.INTS, c.kind("rewire/everActive/0"));
        assertEquals(Checkpoint.Kind.FLOATS, c.kind("rewire/momentum/0"));

        RewireState restored = observed(2);
        RewireStateEntries.restore(c, "rewire/", restored);
        List<StateArray> want = saved.arrays();
        List<StateArray> got = restored.arrays();
        assertArrayEquals(((StateArray.Ints) want.get(0)).values(), ((StateArray.Ints) got.get(0)).values());
        assertArrayEquals(((StateArray.Floats) want.get(1)).values(), ((StateArray.Floats) got.get(1)).values());
        assertEquals(saved.explorationRate(0), restored.explorationRate(0));
    }

    @Test
    void aCheckpointWithoutTheStateNamesTheMissingEntry() {
        Checkpoint.Builder b = Checkpoint.builder();
        b.putInts("rewire/everActive/0", ((StateArray.Ints) observed(1).arrays().getFirst()).values());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RewireStateEntries.restore(b.build(), "rewire/", observed(2)));
        assertTrue(e.getMessage().contains("rewire/momentum/0"), e.getMessage());
    }
}

package rewire.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.io.Checkpoint;
import rewire.nn.DenseParam;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/** A shard's residuals follow topology changes the way weights do, and survive a checkpoint. */
class ShardStateTest {

    @Test
    void residualsMoveWithTheTopologyKeptEntriesKeepTheirsGrownOnesStartAtZero() {
        // 2 x 3: entries (0,0) (0,2) (1,1) -> (0,0) (1,1) (1,2): (0,2) pruned, (1,2) grown
        SparsityPattern before = SparsityPattern.of(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 1});
        SparsityPattern after = SparsityPattern.of(2, 3, new int[] {0, 1, 3}, new int[] {0, 1, 2});
        SparseParam w = new SparseParam("w", CsrMatrix.zeros(after));
        ShardState state = new ShardState(Map.of("values/w", new float[] {1f, 2f, 3f}),
                Map.of("w", before.rowPtr()), Map.of("w", before.colIdx()));
        assertArrayEquals(new float[] {1f, 3f, 0f}, state.residual("values/w", w));
        assertArrayEquals(Remap.between(before, after).apply(new float[] {1f, 2f, 3f}, 0f), state.residual("values/w", w));
    }

    @Test
    void aParameterWithoutResidualStartsAtZero() {
        DenseParam b = new DenseParam("b", Tensor.zeros(4));
        assertArrayEquals(new float[4], ShardState.empty().residual("values/b", b));
        assertTrue(ShardState.empty().isEmpty());
    }

    @Test
    void aCheckpointHoldsEveryResidualAndPattern() throws Exception {
        SparsityPattern p = Patterns.full(2, 2);
        ShardState state = new ShardState(Map.of("values/w", new float[] {1, 2, 3, 4}, "slot/w/momentum",
                new float[] {5, 6, 7, 8}), Map.of("w", p.rowPtr()), Map.of("w", p.colIdx()));
        Checkpoint.Builder b = Checkpoint.builder();
        state.save(b, "dist/shard/1/");
        ShardState read = ShardState.read(Checkpoint.fromBytes(b.build().toBytes(), "test"), "dist/shard/1/");
        assertEquals(state.residuals().keySet(), read.residuals().keySet());
        assertArrayEquals(new float[] {5, 6, 7, 8}, read.residuals().get("slot/w/momentum"));
        assertArrayEquals(p.colIdx(), read.colIdxs().get("w"));
        assertTrue(ShardState.read(Checkpoint.fromBytes(b.build().toBytes(), "test"), "dist/shard/0/").isEmpty());
    }
}

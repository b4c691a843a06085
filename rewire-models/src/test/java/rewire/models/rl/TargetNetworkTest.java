package rewire.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.nn.SparseParam;
import rewire.sparse.Patterns;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** Polyak averaging on a sparse module whose online mask moved: the target follows the mask, then averages. */
class TargetNetworkTest {
    private static final ModuleArchitecture ARCH = ModuleArchitecture.reluLayerNorm(6);

    private static DeterministicActor actor(List<SparsityPattern> patterns, long seed) {
        return new DeterministicActor(3, 2, ARCH, 6, LayerMaker.onPatterns(patterns, new Rng(seed)));
    }

    @Test
    void aSoftUpdateFollowsTheMaskThenMovesTauOfTheWay() {
        LayerMaker shapes = LayerMaker.dense(new Rng(0));
        new DeterministicActor(3, 2, ARCH, 6, shapes);
        Rng rng = new Rng(2);
        List<SparsityPattern> patterns = shapes.shapes().stream()
                .map(s -> Patterns.random(s.rows(), s.cols(), s.rows() * s.cols() / 2, rng)).toList();
        TargetNetwork<DeterministicActor> net = new TargetNetwork<>(actor(patterns, 1), actor(patterns, 2));
        SparseParam online = net.online().layers().get(0).weight();
        SparseParam target = net.target().layers().get(0).weight();
        assertArrayEquals(online.values(), target.values(), "paired by a hard copy");
        SparsityPattern moved = Patterns.random(online.rows(), online.cols(), online.pattern().nnz(), rng);
        online.remap(Remap.between(online.pattern(), moved), null);
        java.util.Arrays.fill(online.values(), 1f);
        float[] kept = new float[moved.nnz()];
        SparsityPattern old = patterns.get(0);
        float[] oldValues = target.values().clone();
        for (int r = 0; r < moved.rows(); r++) {
            for (int e = moved.rowStart(r); e < moved.rowEnd(r); e++) {
                int c = moved.colIdx()[e];
                kept[e] = old.contains(r, c) ? oldValues[old.indexOf(r, c)] : 0f;
            }
        }
        net.softUpdate(0.25);
        assertEquals(moved, target.pattern());
        for (int e = 0; e < kept.length; e++) {
            assertEquals(0.75f * kept[e] + 0.25f, target.values()[e], 1e-6, "entry " + e);
        }
        assertThrows(IllegalArgumentException.class, () -> net.softUpdate(0));
    }
}

package rewire.models.marl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.models.marl.NetworkSettings.MixerKind;
import rewire.models.rl.LayerMaker;
import rewire.models.rl.TargetNetwork;
import rewire.nn.SparseLinear;
import rewire.nn.SparseParam;
import rewire.sparse.Patterns;
import rewire.sparse.Remap;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;

/** Target networks share the online networks' masks (METHODS.md A.6, as RLx2). */
class QNetworksTargetTest {
    private final Episode.Dims dims = new Episode.Dims(3, 6, 10, 12);

    private QNetworks build(List<SparsityPattern> patterns, long seed) {
        return QNetworks.build(dims, new NetworkSettings(MixerKind.QMIX, 8, 8, 4),
                LayerMaker.onPatterns(patterns, new Rng(seed)));
    }

    private List<SparsityPattern> randomPatterns(double density, Rng rng) {
        LayerMaker shapes = LayerMaker.dense(new Rng(0));
        QNetworks.build(dims, new NetworkSettings(MixerKind.QMIX, 8, 8, 4), shapes);
        List<SparsityPattern> out = new ArrayList<>();
        for (var s : shapes.shapes()) {
            out.add(Patterns.random(s.rows(), s.cols(), Math.max(1, (int) (density * s.rows() * s.cols())), rng));
        }
        return out;
    }

    @Test
    void targetPatternsFollowEveryOnlineTopologyChange() {
        Rng rng = new Rng(5);
        List<SparsityPattern> start = randomPatterns(0.3, rng);
        TargetNetwork<QNetworks> nets = new TargetNetwork<>(build(start, 1), build(start, 2));
        // a hard update copies the online weights
        for (int i = 0; i < nets.online().layers().size(); i++) {
            assertArrayEquals(nets.online().layers().get(i).weight().values(), nets.target().layers().get(i).weight().values());
        }
        // rewire the online networks: every layer gets a new random pattern of the same size
        List<float[]> before = new ArrayList<>();
        for (SparseLinear l : nets.target().layers()) {
            before.add(l.weight().values().clone());
        }
        List<SparsityPattern> moved = new ArrayList<>();
        for (SparseLinear l : nets.online().layers()) {
            SparseParam w = l.weight();
            SparsityPattern next = Patterns.random(w.rows(), w.cols(), w.pattern().nnz(), rng);
            w.remap(Remap.between(w.pattern(), next), null);
            moved.add(next);
        }
        assertEquals(moved.size(), nets.followTopology());
        for (int i = 0; i < moved.size(); i++) {
            SparseParam target = nets.target().layers().get(i).weight();
            assertEquals(moved.get(i), target.pattern());
            SparsityPattern old = start.get(i);
            for (int r = 0; r < target.rows(); r++) {
                for (int e = target.pattern().rowStart(r); e < target.pattern().rowEnd(r); e++) {
                    int c = target.pattern().colIdx()[e];
                    float expected = old.contains(r, c) ? before.get(i)[old.indexOf(r, c)] : 0f;
                    assertEquals(expected, target.values()[e], "layer " + i + " (" + r + ", " + c + ")");
                }
            }
        }
        assertEquals(0, nets.followTopology());
    }

    @Test
    void aHardUpdateCopiesPatternsAndValues() {
        Rng rng = new Rng(9);
        TargetNetwork<QNetworks> nets = new TargetNetwork<>(build(randomPatterns(0.5, rng), 1), build(randomPatterns(0.5, rng), 2));
        for (int i = 0; i < nets.online().params().size(); i++) {
            assertArrayEquals(nets.online().params().get(i).values(), nets.target().params().get(i).values());
        }
        nets.online().params().get(0).values()[0] += 1f;
        assertNotEquals(nets.online().params().get(0).values()[0], nets.target().params().get(0).values()[0]);
        nets.hardUpdate();
        assertEquals(nets.online().params().get(0).values()[0], nets.target().params().get(0).values()[0]);
    }
}

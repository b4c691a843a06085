package rewire.models.marl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.models.marl.NetworkSettings.MixerKind;
import rewire.models.rl.LayerMaker;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.testkit.GradCheck;

/** The mixing ops' gradients, QMIX's monotonicity and VDN's sum. */
class MixerTest {
    private final Rng rng = new Rng(21);

    private Tensor gaussian(int... dims) {
        Tensor t = Tensor.zeros(dims);
        for (int i = 0; i < t.size(); i++) {
            float v = (float) rng.nextGaussian();
            t.data()[i] = Math.copySign(0.1f + Math.abs(v), v);  // away from the kinks at 0
        }
        return t;
    }

    /** Projects op's output onto a fixed random tensor of the same shape, then checks. */
    private void check(Function<Tape, Var> op, Var... wrt) {
        GradCheck.ofProjected(op, rng, wrt).assertPasses();
    }

    @Test
    void opGradientsMatchFiniteDifferences() {
        Var x = Var.leaf(gaussian(4, 6));
        check(t -> MarlOps.abs(t, x), x);
        Var q = Var.leaf(gaussian(3, 5));
        Var w = Var.leaf(gaussian(3 * 4, 5));
        check(t -> MarlOps.mixAgents(t, q, w), q, w);
    }

    @Test
    void qmixIsMonotoneInEveryAgentUtility() {
        Episode.Dims dims = new Episode.Dims(4, 5, 6, 7);
        QNetworks nets = QNetworks.build(dims, new NetworkSettings(MixerKind.QMIX, 8, 16, 8),
                LayerMaker.dense(new Rng(3)));
        for (int c = 0; c < 20; c++) {
            Tape tape = new Tape();
            Var q = Var.leaf(gaussian(4, 6));
            Var total = nets.mixer().mix(tape, q, gaussian(7, 6));
            tape.backward(Ops.sum(tape, total));
            for (float g : q.grad().data()) {
                assertTrue(g >= 0, "dQtot/dQi = " + g);
            }
        }
    }

    @Test
    void qmixGradientsReachEveryHypernetwork() {
        Episode.Dims dims = new Episode.Dims(2, 3, 4, 5);
        QNetworks nets = QNetworks.build(dims, new NetworkSettings(MixerKind.QMIX, 4, 6, 3),
                LayerMaker.dense(new Rng(4)));
        Var q = Var.leaf(gaussian(2, 3));
        Tensor s = gaussian(5, 3);
        var params = nets.mixer().layers().stream().map(l -> Var.sparseParam(l.weight().weight(), l.weight().grad()))
                .toArray(Var[]::new);
        GradCheck.ofTape(t -> Ops.sum(t, nets.mixer().mix(t, q, s)), params).step(1e-3)
                .tolerance(5e-2, 5e-4).assertPasses();  // a small step avoids the ReLU and abs kinks; float noise needs the tolerance
    }

    @Test
    void vdnSumsTheAgents() {
        Tensor q = gaussian(3, 4);
        Tensor total = Mixer.vdn().mix(new Tape(), Var.constant(q), Tensor.zeros(1, 4)).value();
        for (int c = 0; c < 4; c++) {
            assertEquals(q.get(0, c) + q.get(1, c) + q.get(2, c), total.get(0, c), 1e-6);
        }
    }
}

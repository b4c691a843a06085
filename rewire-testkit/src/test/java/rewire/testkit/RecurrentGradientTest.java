package rewire.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import rewire.autodiff.Ops;
import rewire.autodiff.RecurrentOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.Gru;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/** The GRU op: finite-difference gradients through time, the cell formula, and the recorded batch. */
class RecurrentGradientTest {
    private static final int H = 4;
    private static final int N = 3;
    private static final int T = 5;
    private final Rng rng = new Rng(7);

    private Tensor gaussian(double scale, int... dims) {
        Tensor t = Tensor.zeros(dims);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) (scale * rng.nextGaussian());
        }
        return t;
    }

    private Var sparseWeight(double density) {
        SparsityPattern p = Patterns.random(3 * H, H, (int) Math.round(density * 3 * H * H), rng);
        CsrMatrix w = CsrMatrix.zeros(p);
        for (int e = 0; e < w.nnz(); e++) {
            w.values()[e] = (float) (0.7 * rng.nextGaussian());
        }
        return Var.sparseParam(w, new float[w.nnz()]);
    }

    @Test
    void gradientsThroughTimeMatchFiniteDifferences() {
        for (double density : new double[] {0.4, 1.0}) {
            Var gi = Var.leaf(gaussian(1, 3 * H, T * N));
            Var w = sparseWeight(density);
            Var b = Var.param(gaussian(0.5, 3 * H), Tensor.zeros(3 * H));
            Var h0 = Var.leaf(gaussian(0.8, H, N));
            Tensor projection = gaussian(1, H, T * N);
            GradCheck.ofTape(tape -> Ops.sum(tape, Ops.mul(tape,
                    RecurrentOps.gru(tape, gi, w, b, h0, T).hidden(), Var.constant(projection))), gi, w, b, h0)
                    .assertPasses();
        }
    }

    @Test
    void oneStepIsTheCellFormula() {
        Tensor gi = gaussian(1, 3 * H, N);
        Var w = sparseWeight(1.0);
        Tensor b = gaussian(0.5, 3 * H);
        Tensor h0 = gaussian(1, H, N);
        Tensor h = RecurrentOps.gru(new Tape(), Var.constant(gi), w, Var.constant(b), Var.constant(h0), 1)
                .hidden().value();
        float[] dense = Patterns.toDense(w.csr()).data();
        for (int r = 0; r < H; r++) {
            for (int j = 0; j < N; j++) {
                double[] gh = new double[3];
                for (int g = 0; g < 3; g++) {
                    for (int c = 0; c < H; c++) {
                        gh[g] += dense[(g * H + r) * H + c] * h0.get(c, j);
                    }
                    gh[g] += b.data()[g * H + r];
                }
                double reset = 1 / (1 + Math.exp(-(gi.get(r, j) + gh[0])));
                double update = 1 / (1 + Math.exp(-(gi.get(H + r, j) + gh[1])));
                double cand = Math.tanh(gi.get(2 * H + r, j) + reset * gh[2]);
                assertEquals((1 - update) * cand + update * h0.get(r, j), h.get(r, j), 1e-5);
            }
        }
    }

    @Test
    void aSequenceEqualsChainedSingleSteps() {
        Tensor gi = gaussian(1, 3 * H, 2 * N);
        Var w = sparseWeight(0.5);
        Tensor h0 = gaussian(1, H, N);
        Tensor both = RecurrentOps.gru(new Tape(), Var.constant(gi), w, null, Var.constant(h0), 2).hidden().value();
        Tensor first = columns(gi, 0, N);
        Tensor h1 = RecurrentOps.gru(new Tape(), Var.constant(first), w, null, Var.constant(h0), 1).hidden().value();
        Tensor h2 = RecurrentOps.gru(new Tape(), Var.constant(columns(gi, N, N)), w, null, Var.constant(h1), 1)
                .hidden().value();
        assertArrayEquals(h1.data(), columns(both, 0, N).data(), 1e-6f);
        assertArrayEquals(h2.data(), columns(both, N, N).data(), 1e-6f);
    }

    @Test
    void theModuleRecordsEveryStepForGrowth() {
        Gru gru = Gru.create("gru", Patterns.random(3 * H, 2, 3 * H * 2, rng), Patterns.random(3 * H, H, 20, rng), rng);
        Tape tape = new Tape();
        Var out = gru.forward(tape, Var.constant(gaussian(1, 2, T * N)), Var.constant(Tensor.zeros(H, N)), T);
        tape.backward(Ops.sum(tape, out));
        var batch = gru.hidden().lastBatch();
        assertEquals(T * N, batch.input().cols());
        assertEquals(T * N, batch.outputGrad().cols());
        // the on-pattern part of dy·xᵀ is the weight gradient backward accumulated
        float[] dense = new float[3 * H * H];
        for (int r = 0; r < 3 * H; r++) {
            for (int c = 0; c < H; c++) {
                for (int k = 0; k < T * N; k++) {
                    dense[r * H + c] += batch.outputGrad().get(r, k) * batch.input().get(c, k);
                }
            }
        }
        SparsityPattern p = gru.hidden().weight().pattern();
        for (int r = 0; r < 3 * H; r++) {
            for (int e = p.rowStart(r); e < p.rowEnd(r); e++) {
                assertEquals(dense[r * H + p.colIdx()[e]], gru.hidden().weight().grad()[e], 1e-4);
            }
        }
    }

    @Test
    void shapesAreChecked() {
        Var w = sparseWeight(0.5);
        var e = assertThrows(IllegalArgumentException.class, () -> RecurrentOps.gru(new Tape(),
                Var.constant(Tensor.zeros(3 * H, 2 * N)), w, null, Var.constant(Tensor.zeros(H, N)), 3));
        assertEquals(true, e.getMessage().contains("(3H, T·N)"));
    }

    private static Tensor columns(Tensor t, int from, int count) {
        Tensor out = Tensor.zeros(t.rows(), count);
        for (int r = 0; r < t.rows(); r++) {
            System.arraycopy(t.data(), r * t.cols() + from, out.data(), r * count, count);
        }
        return out;
    }
}

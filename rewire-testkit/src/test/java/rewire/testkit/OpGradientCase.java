package rewire.testkit;

import java.util.function.Function;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * The inputs and the check of the op gradient tests, drawn from one seeded {@link Rng} per test
 * class: Gaussian leaves and parameters (dense, or CSR at a density), values kept off a kink, and a
 * finite-difference check of an op's output projected onto a fixed random tensor of its shape, so
 * each output element carries its own weight.
 */
abstract class OpGradientCase {
    protected final Rng rng;

    protected OpGradientCase(long seed) {
        this.rng = new Rng(seed);
    }

    protected Var leaf(int... dims) {
        return Var.leaf(RandomData.gaussian(rng, dims));
    }

    protected Var param(int... dims) {
        return Var.param(RandomData.gaussian(rng, dims), Tensor.zeros(dims));
    }

    /** A CSR parameter of Gaussian values on a random pattern of {@code round(density · rows · cols)} entries. */
    protected Var sparseParam(int rows, int cols, double density) {
        SparsityPattern p = Patterns.random(rows, cols, (int) Math.round(density * rows * cols), rng);
        CsrMatrix w = CsrMatrix.zeros(p);
        for (int e = 0; e < w.nnz(); e++) {
            w.values()[e] = (float) rng.nextGaussian();
        }
        return Var.sparseParam(w, new float[w.nnz()]);
    }

    /** Projects op's output onto a fixed random tensor of the same shape, then checks. */
    protected void check(Function<Tape, Var> op, Var... wrt) {
        GradCheck.ofProjected(op, rng, wrt).assertPasses();
    }

    /** A leaf whose values are at least {@code margin} from {@code kink}, so a step of 1e-2 never crosses it. */
    protected Var awayFrom(float kink, float margin, int... dims) {
        Var v = leaf(dims);
        float[] d = v.value().data();
        for (int i = 0; i < d.length; i++) {
            float off = d[i] - kink;
            d[i] = kink + Math.copySign(margin + Math.abs(off), off);
        }
        return v;
    }
}

package rewire.kernel;

import java.util.ArrayList;
import java.util.List;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * A quick check, at run time, that the chosen kernels agree with the scalar reference on a small
 * odd-sized problem. `rewire info` prints it; a failure means a broken provider or BLAS library.
 */
public final class SelfCheck {
    private static final float TOLERANCE = 1e-4f;

    private SelfCheck() {
    }

    /** One comparison: the largest error relative to the sum of |terms| of an element. */
    public record Check(String op, double maxRelativeError, boolean ok) {
    }

    /** Runs every check on {@code kernels} against {@link ScalarKernels}. */
    public static List<Check> run(Kernels kernels) {
        Kernels reference = new Kernels(new ScalarKernels(), null, new Parallel(1), "reference");
        Rng rng = new Rng(20261122);
        int out = 37;
        int in = 53;
        int batch = 19;
        SparsityPattern pattern = Patterns.random(out, in, out * in / 10, rng);
        CsrMatrix w = new CsrMatrix(pattern, randoms(pattern.nnz(), rng));
        Tensor x = Tensor.wrap(randoms(in * batch, rng), in, batch);
        Tensor dy = Tensor.wrap(randoms(out * batch, rng), out, batch);
        Tensor absX = abs(x);
        Tensor absDy = abs(dy);
        CsrMatrix absW = new CsrMatrix(pattern, abs(Tensor.wrap(w.values(), w.nnz())).data());

        Operands signed = new Operands(w, x, dy);
        Operands magnitudes = new Operands(absW, absX, absDy);
        List<Check> checks = new ArrayList<>();
        checks.add(compare("sparse W·x", (k, o) -> {
            Tensor y = Tensor.zeros(out, batch);
            k.mult(o.w, o.x, y);
            return y;
        }, kernels, reference, signed, magnitudes));
        checks.add(compare("sparse Wᵀ·dy", (k, o) -> {
            Tensor dx = Tensor.zeros(in, batch);
            k.multTransA(o.w, o.dy, dx);
            return dx;
        }, kernels, reference, signed, magnitudes));
        checks.add(compare("sampled (dy·xᵀ)|W", (k, o) -> {
            Tensor dw = Tensor.zeros(pattern.nnz());
            k.sampledMultTransB(o.dy, o.x, pattern, dw.data());
            return dw;
        }, kernels, reference, signed, magnitudes));
        checks.add(compare("dense dy·xᵀ (" + kernels.denseBackend() + ")", (k, o) -> {
            Tensor g = Tensor.zeros(out, in);
            k.multTransB(o.dy, o.x, g);
            return g;
        }, kernels, reference, signed, magnitudes));
        return checks;
    }

    private record Operands(CsrMatrix w, Tensor x, Tensor dy) {
    }

    @FunctionalInterface
    private interface Op {
        Tensor apply(Kernels k, Operands o);
    }

    // The reference on |operands| bounds each element's rounding error: sum of |terms|.
    private static Check compare(String name, Op op, Kernels tested, Kernels reference, Operands o, Operands abs) {
        float[] got = op.apply(tested, o).data();
        float[] want = op.apply(reference, o).data();
        float[] scale = op.apply(reference, abs).data();
        double worst = 0;
        for (int i = 0; i < got.length; i++) {
            double err = Math.abs(got[i] - want[i]) / (scale[i] + 1e-12);
            worst = Math.max(worst, Double.isNaN(err) ? Double.POSITIVE_INFINITY : err);
        }
        return new Check(name, worst, worst <= TOLERANCE);
    }

    private static float[] randoms(int n, Rng rng) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    private static Tensor abs(Tensor t) {
        Tensor r = t.copy();
        float[] d = r.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i]);
        }
        return r;
    }
}

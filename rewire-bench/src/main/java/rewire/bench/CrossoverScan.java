package rewire.bench;

import java.util.Locale;
import rewire.autodiff.LinearOps;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Where a sparse layer should switch from CSR kernels to dense GEMMs on a masked copy: times one
 * training step of a layer with bias (forward, input gradient, weight and bias gradients) both
 * ways, for layer shapes and densities, and prints the ratio. The crossovers of
 * {@link rewire.nn.SparseLinear} come from this table.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Drewire.threads=1 \
 *      -cp rewire-bench/target/benchmarks.jar rewire.bench.CrossoverScan [--batch 128]
 * </pre>
 */
public final class CrossoverScan {
    private static final int[][] SHAPES = {{10, 1000}, {100, 1000}, {1000, 784}, {1000, 1000}};
    private static final double[] DENSITIES = {0.2, 0.35, 0.41, 0.5, 0.6, 1.0};
    private static final int REPEATS = 7;

    private CrossoverScan() {
    }

    public static void main(String[] args) {
        int batch = args.length == 2 && args[0].equals("--batch") ? Integer.parseInt(args[1]) : 128;
        Rng rng = new Rng(1);
        System.out.println("| out x in | density | CSR (us) | masked dense (us) | CSR / masked |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int[] shape : SHAPES) {
            for (double density : DENSITIES) {
                CsrMatrix w = randomWeight(shape[0], shape[1], density, rng);
                Tensor x = Tensor.zeros(shape[1], batch);
                fillGaussian(x.data(), rng);
                int steps = Math.max(20, (int) (4e8 / ((double) shape[0] * shape[1] * batch)));
                double csr = Double.MAX_VALUE;
                double masked = Double.MAX_VALUE;
                for (int r = 0; r < REPEATS; r++) {
                    csr = Math.min(csr, microsPerStep(w, x, true, steps));
                    masked = Math.min(masked, microsPerStep(w, x, false, steps));
                }
                System.out.printf(Locale.ROOT, "| %d x %d | %.2f | %.1f | %.1f | %.2f |%n", shape[0], shape[1], density,
                        csr, masked, csr / masked);
            }
        }
    }

    // best-of-one timing of `steps` training steps of y (out, B) = W · x + b, after as many warm-up steps
    private static double microsPerStep(CsrMatrix w, Tensor x, boolean csr, int steps) {
        Tape tape = new Tape();
        float[] weightGrad = new float[w.nnz()];
        Tensor bias = Tensor.zeros(w.rows());
        Tensor biasGrad = Tensor.zeros(w.rows());
        long start = 0;
        for (int s = 0; s < 2 * steps; s++) {
            if (s == steps) {
                start = System.nanoTime();
            }
            Var in = Var.leaf(x);
            Var weight = Var.sparseParam(w, weightGrad);
            Var b = Var.param(bias, biasGrad);
            Var y = csr ? LinearOps.sparseLinear(tape, in, weight, b) : LinearOps.maskedLinear(tape, in, weight, b);
            tape.backward(Ops.sum(tape, y));
            tape.clear();
        }
        return (System.nanoTime() - start) / 1e3 / steps;
    }

    private static CsrMatrix randomWeight(int out, int in, double density, Rng rng) {
        SparsityPattern p = Patterns.random(out, in, (int) Math.round(density * out * in), rng);
        CsrMatrix w = CsrMatrix.zeros(p);
        fillGaussian(w.values(), rng);
        return w;
    }

    private static void fillGaussian(float[] v, Rng rng) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
    }
}

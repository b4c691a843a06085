package rewire.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import rewire.kernel.Kernels;

/**
 * A development A/B of a layer's training step (forward + input gradient + weight gradient) on
 * K wrap-around diagonals against CSR at the same number of entries and against the three dense
 * GEMMs, in one process on one thread. The arms take turns, one step each per turn in a rotating
 * order, for many rounds, and the table compares per-op minima: on a loaded machine the minimum
 * of interleaved runs is the steadiest estimate of what each arm costs, and a ratio of minima
 * taken side by side cancels most of the load. Not a substitute for the JMH benchmark
 * ({@code bench/structured.sh}); this is for design decisions.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *      -cp rewire-bench/target/benchmarks.jar rewire.bench.DiagonalVersusCsr \
 *      [--layer 1000x1000] [--batch 128] [--rounds 40] [--densities 0.01,0.1]
 * </pre>
 */
public final class DiagonalVersusCsr {
    private static final String[] OPS = {"forward", "inputGrad", "weightGrad", "step"};
    private static final int WARMUP_ROUNDS = 10;

    private DiagonalVersusCsr() {
    }

    public static void main(String[] args) {
        Map<String, String> o = options(args);
        LayerOperands l = LayerOperands.of(o.get("--layer"), Integer.parseInt(o.get("--batch")));
        int rounds = Integer.parseInt(o.get("--rounds"));
        Kernels kernels = LayerOperands.kernels(1);
        System.out.printf(Locale.ROOT, "%s, batch %d, 1 thread, %d interleaved rounds (+%d warm-up), minima in ms%n",
                o.get("--layer"), l.batch(), rounds, WARMUP_ROUNDS);
        System.out.println("| density | K | op | dense | CSR | diagonal | CSR / diagonal | dense / diagonal | of ideal |");
        System.out.println("|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        for (String d : o.get("--densities").split(",")) {
            int k = StructuredLinearBenchmark.diagonals(l.out(), l.in(), Double.parseDouble(d));
            double density = StructuredLinearBenchmark.density(l.out(), l.in(), k);
            LayerProducts[] arms = {LayerProducts.dense(kernels, l), LayerProducts.sparse(kernels, l, density),
                    LayerProducts.diagonal(kernels, l, k)};
            double[][] min = minima(arms, rounds);
            for (int op = 0; op < OPS.length; op++) {
                System.out.printf(Locale.ROOT, "| %.1f%% | %d | %s | %.3f | %.3f | %.3f | %.2f | %.2f | %.2f |%n",
                        density * 100, k, OPS[op], min[0][op], min[1][op], min[2][op], min[1][op] / min[2][op],
                        min[0][op] / min[2][op], min[0][op] / min[2][op] * density);
            }
        }
    }

    // min[arm][op] in ms over the measured rounds; arm a goes at position (a + round) mod arms in a round
    private static double[][] minima(LayerProducts[] arms, int rounds) {
        double[][] min = new double[arms.length][OPS.length];
        for (double[] row : min) {
            Arrays.fill(row, Double.MAX_VALUE);
        }
        for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
            for (int turn = 0; turn < arms.length; turn++) {
                int a = (turn + round) % arms.length;
                double[] t = timeStep(arms[a]);
                for (int op = 0; op < OPS.length && round >= WARMUP_ROUNDS; op++) {
                    min[a][op] = Math.min(min[a][op], t[op]);
                }
            }
        }
        return min;
    }

    // ms of forward, input gradient, weight gradient and their sum, for one step
    private static double[] timeStep(LayerProducts p) {
        long t0 = System.nanoTime();
        p.forward();
        long t1 = System.nanoTime();
        p.inputGrad();
        long t2 = System.nanoTime();
        p.weightGrad();
        long t3 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t0) / 1e6};
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--layer", "1000x1000", "--batch", "128",
                "--rounds", "40", "--densities", "0.01,0.1"));
        for (int i = 0; i < args.length; i += 2) {
            if (!o.containsKey(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i] + "; options are "
                        + o.keySet() + " with values");
            }
            o.put(args[i], args[i + 1]);
        }
        return o;
    }
}

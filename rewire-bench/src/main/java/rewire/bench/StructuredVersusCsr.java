package rewire.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rewire.kernel.Kernels;

/**
 * A development A/B of a layer's training step (forward + input gradient + weight gradient) in
 * structured formats (wrap-around diagonals, {@code blockRxC} blocks) against CSR at the same
 * number of entries and against the three dense GEMMs, in one process on one thread, with the
 * budgets of {@link StructuredLinearBenchmark}. The arms take turns, one step each per turn in a
 * rotating order, for many rounds; the table gives each op's median and, for the ratio to CSR,
 * the ratio of medians and of minima: on a loaded machine the minimum of interleaved runs is the
 * steadiest estimate of what each arm costs, and ratios taken side by side cancel most of the
 * load. Not a substitute for the JMH benchmark ({@code bench/structured.sh}); this is for design
 * decisions.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *      -cp rewire-bench/target/benchmarks.jar rewire.bench.StructuredVersusCsr \
 *      [--layer 1000x1000] [--batch 128] [--rounds 40] [--densities 0.01,0.1] \
 *      [--formats diagonal,block4x4,block1x16]
 * </pre>
 */
public final class StructuredVersusCsr {
    private static final String[] OPS = {"forward", "inputGrad", "weightGrad", "step"};
    private static final int WARMUP_ROUNDS = 10;

    private StructuredVersusCsr() {
    }

    public static void main(String[] args) {
        Map<String, String> o = options(args);
        LayerOperands l = LayerOperands.of(o.get("--layer"), Integer.parseInt(o.get("--batch")));
        int rounds = Integer.parseInt(o.get("--rounds"));
        List<String> formats = List.of(o.get("--formats").split(","));
        Kernels kernels = LayerOperands.kernels(1);
        System.out.printf(Locale.ROOT, "%s, batch %d, 1 thread, %d interleaved rounds (+%d warm-up), times in ms%n",
                o.get("--layer"), l.batch(), rounds, WARMUP_ROUNDS);
        System.out.println("| density | format | units | op | dense median | CSR median | format median | min"
                + " | CSR / format, medians | CSR / format, minima | dense / format | of ideal |");
        System.out.println("|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String d : o.get("--densities").split(",")) {
            double density = Double.parseDouble(d);
            double csrDensity = StructuredLinearBenchmark.budget("csr", l.out(), l.in(), density).density();
            List<LayerProducts> arms = new ArrayList<>(List.of(LayerProducts.dense(kernels, l),
                    LayerProducts.sparse(kernels, l, csrDensity)));
            for (String f : formats) {
                arms.add(arm(kernels, l, f, density));
            }
            double[][][] t = times(arms.toArray(LayerProducts[]::new), rounds);
            for (int a = 2; a < arms.size(); a++) {
                String f = formats.get(a - 2);
                StructuredLinearBenchmark.Budget b = StructuredLinearBenchmark.budget(f, l.out(), l.in(), density);
                for (int op = 0; op < OPS.length; op++) {
                    double dense = Speedups.median(t[0][op]);
                    double csr = Speedups.median(t[1][op]);
                    double mine = Speedups.median(t[a][op]);
                    System.out.printf(Locale.ROOT, "| %.1f%% | %s | %d | %s | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f"
                                    + " | %.2f | %.2f |%n", b.density() * 100, StructuredLinearBenchmark.label(f),
                            b.units(), OPS[op], dense, csr, mine, min(t[a][op]), csr / mine,
                            min(t[1][op]) / min(t[a][op]), dense / mine, dense / mine * b.density());
                }
            }
        }
    }

    // the layer of one structured format at density, with StructuredLinearBenchmark's budget
    private static LayerProducts arm(Kernels kernels, LayerOperands l, String format, double density) {
        StructuredLinearBenchmark.Budget b = StructuredLinearBenchmark.budget(format, l.out(), l.in(), density);
        if (format.equals("diagonal")) {
            return LayerProducts.diagonal(kernels, l, b.units());
        }
        int[] shape = StructuredLinearBenchmark.blockShape(format);
        return LayerProducts.block(kernels, l, shape[0], shape[1], b.units());
    }

    // t[arm][op][round] in ms over the measured rounds; arm a goes at position (a + round) mod arms in a round
    private static double[][][] times(LayerProducts[] arms, int rounds) {
        double[][][] t = new double[arms.length][OPS.length][rounds];
        for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
            for (int turn = 0; turn < arms.length; turn++) {
                int a = (turn + round) % arms.length;
                double[] step = timeStep(arms[a]);
                for (int op = 0; op < OPS.length && round >= WARMUP_ROUNDS; op++) {
                    t[a][op][round - WARMUP_ROUNDS] = step[op];
                }
            }
        }
        return t;
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

    private static double min(double[] ms) {
        return Arrays.stream(ms).min().orElseThrow();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--layer", "1000x1000", "--batch", "128",
                "--rounds", "40", "--densities", "0.01,0.1", "--formats", "diagonal"));
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

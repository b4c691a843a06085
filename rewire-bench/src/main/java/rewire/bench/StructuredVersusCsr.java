package rewire.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rewire.kernel.Kernels;

/**
 * A development A/B of a layer's training step (forward + input gradient + weight gradient) in a
 * structured format ({@link StructuredFormat}: diagonals, constant fan-in, N:M) against CSR at the
 * same number of entries and against the three dense GEMMs, in one process on one thread. The
 * arms take turns, one step each per turn in a rotating order, for many rounds, and the table
 * compares per-op minima and medians: on a loaded machine the minimum of interleaved runs is the
 * steadiest estimate of what each arm costs, and ratios of statistics taken side by side cancel
 * most of the load. Not a substitute for the JMH benchmark ({@code bench/structured.sh}); this is
 * for design decisions. A format runs at the densities it fits (N:M only at N / M).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *      -cp rewire-bench/target/benchmarks.jar rewire.bench.StructuredVersusCsr \
 *      [--layer 1000x1000] [--batch 128] [--rounds 40] [--densities 0.01,0.1] [--formats diagonal]
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
        Kernels kernels = LayerOperands.kernels(1);
        System.out.printf(Locale.ROOT, "%s, batch %d, 1 thread, %d interleaved rounds (+%d warm-up), ms as min / median%n",
                o.get("--layer"), l.batch(), rounds, WARMUP_ROUNDS);
        System.out.println("| density | format | structure | op | dense | CSR | format | CSR / format (min, median)"
                + " | dense / format (median) | of ideal (median) |");
        System.out.println("|---:|---|---|---|---:|---:|---:|---:|---:|---:|");
        for (String d : o.get("--densities").split(",")) {
            for (String name : o.get("--formats").split(",")) {
                StructuredFormat format = StructuredFormat.of(name);
                double requested = Double.parseDouble(d);
                if (!format.fits(requested)) {
                    continue;
                }
                double density = format.actualDensity(l.out(), l.in(), requested);
                LayerProducts[] arms = {LayerProducts.dense(kernels, l), LayerProducts.sparse(kernels, l, density),
                        format.products(kernels, l, requested)};
                double[][][] t = times(arms, rounds);
                for (int op = 0; op < OPS.length; op++) {
                    double[] min = {min(t[0][op]), min(t[1][op]), min(t[2][op])};
                    double[] med = {Speedups.median(t[0][op]), Speedups.median(t[1][op]), Speedups.median(t[2][op])};
                    System.out.printf(Locale.ROOT, "| %.1f%% | %s | %s | %s | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f"
                                    + " | %.2f, %.2f | %.2f | %.2f |%n",
                            density * 100, format.param(), format.structure(l.out(), l.in(), requested), OPS[op],
                            min[0], med[0], min[1], med[1], min[2], med[2], min[1] / min[2], med[1] / med[2],
                            med[0] / med[2], med[0] / med[2] * density);
                }
            }
        }
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

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
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
                "--rounds", "40", "--densities", "0.01,0.1", "--formats", "diagonal"));
        List<String> keys = new ArrayList<>(o.keySet());
        for (int i = 0; i < args.length; i += 2) {
            if (!o.containsKey(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i] + "; options are "
                        + keys + " with values");
            }
            o.put(args[i], args[i + 1]);
        }
        return o;
    }
}

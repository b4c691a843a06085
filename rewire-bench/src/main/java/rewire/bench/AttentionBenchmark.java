package rewire.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.AttentionOps;
import rewire.autodiff.Ops;
import rewire.autodiff.SparseAttentionOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.kernel.Kernels;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Prints the time of one attention op, forward plus backward, at the shapes of one layer of the
 * nanoGPT example (width 128, 4 heads, 12 sequences of 64 tokens): for each pattern, computed as
 * dense {@code (T, T)} products then masked ({@link AttentionOps#maskedSelfAttention}) and over the
 * allowed pairs only ({@link SparseAttentionOps}), with the pairs each scores. Median of repeated
 * timings after a warm-up, on the default kernels.
 *
 * <p>Usage: {@code java -cp <classes> rewire.bench.AttentionBenchmark [width heads sequences seqLen c]}
 */
public final class AttentionBenchmark {
    private static final int REPEATS = 31;
    private static final int CALLS_PER_TIMING = 20;

    private AttentionBenchmark() {
    }

    public static void main(String[] args) {
        int[] a = args.length == 5 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {128, 4, 12, 64, 8};
        int width = a[0];
        int heads = a[1];
        int seqLen = a[3];
        Var qkv = Var.leaf(gaussian(new Rng(1), 3 * width, a[2] * seqLen));
        System.out.printf(Locale.ROOT, "width %d, %d heads, %d x %d tokens, c = %d; ms per forward + backward%n", width,
                heads, a[2], seqLen, a[4]);
        System.out.printf(Locale.ROOT, "%-8s %12s %12s %12s %12s %8s%n", "pattern", "dense pairs", "masked ms",
                "sparse pairs", "sparse ms", "speedup");
        for (String name : new String[] {"causal", "local", "strided", "sparse"}) {
            AttentionMask mask = AttentionMask.named(name, a[4]);
            double masked = millis(qkv, tape -> AttentionOps.maskedSelfAttention(tape, qkv, heads, seqLen, mask));
            double sparse = millis(qkv, tape -> SparseAttentionOps.selfAttention(tape, qkv, heads, seqLen, mask));
            System.out.printf(Locale.ROOT, "%-8s %12d %12.3f %12d %12.3f %7.2fx%n", name, (long) seqLen * seqLen, masked,
                    mask.allowedPairs(seqLen), sparse, masked / sparse);
        }
    }

    // median milliseconds of one forward and backward of op on a reused tape
    private static double millis(Var qkv, Function<Tape, Var> op) {
        Tape tape = new Tape(Kernels.defaults());
        double[] times = new double[REPEATS];
        for (int r = -REPEATS; r < REPEATS; r++) {       // the first REPEATS timings warm up the JIT
            long start = System.nanoTime();
            for (int c = 0; c < CALLS_PER_TIMING; c++) {
                tape.clear();
                if (qkv.grad() != null) {
                    qkv.grad().fill(0f);
                }
                tape.backward(Ops.sum(tape, op.apply(tape)));
            }
            if (r >= 0) {
                times[r] = (System.nanoTime() - start) / 1e6 / CALLS_PER_TIMING;
            }
        }
        Arrays.sort(times);
        return times[REPEATS / 2];
    }

    private static Tensor gaussian(Rng rng, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        float[] v = t.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return t;
    }
}

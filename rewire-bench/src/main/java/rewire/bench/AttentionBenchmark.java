package rewire.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.AttentionOps;
import rewire.autodiff.Ops;
import rewire.autodiff.SparseAttentionOps;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.bench.peer.DocBlock;
import rewire.kernel.Kernels;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;

/**
 * Times one attention op, forward plus backward, at the GPT example's layer (width 128, 4 heads)
 * and longer blocks: for each sequence length and pattern, computed as dense {@code (T, T)} GEMMs
 * then masked ({@link AttentionOps#maskedSelfAttention}) and over the allowed pairs only
 * ({@link SparseAttentionOps}). Each length runs as many sequences as fill the token budget (768
 * tokens: the example's 12 sequences of 64), at least one. Per op: warm-up calls for the given
 * seconds, then each call timed on its own for as long again; the median is the row's.
 *
 * <p>Usage: {@code java -Drewire.threads=1 -cp benchmarks.jar rewire.bench.AttentionBenchmark
 * [--lengths 64,256,1024] [--patterns causal,local,strided,sparse] [--tokens 768] [--width 128] [--heads 4]
 * [--window 8] [--seconds 1]}
 * prints {@code ATTENTION,threads,length,sequences,pattern,allowed pairs,masked ms,sparse ms} per
 * pattern; {@code --report CSV --doc FILE --context TEXT} writes those lines as the attention block
 * of docs/benchmarks.md ({@link AttentionTable}).
 */
public final class AttentionBenchmark {
    private AttentionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--report")) {
            DocBlock.ATTENTION.report("AttentionBenchmark", args,
                    lines -> AttentionTable.markdown(AttentionTable.Row.fromCsv(lines)));
            return;
        }
        int[] lengths = {64, 256, 1024};
        int tokens = 768;
        int width = 128;
        int heads = 4;
        int window = 8;
        double seconds = 1;
        String[] patterns = {"causal", "local", "strided", "sparse"};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lengths" -> lengths = Arrays.stream(PredictBench.value(args, ++i).split(",")).mapToInt(Integer::parseInt).toArray();
                case "--tokens" -> tokens = Integer.parseInt(PredictBench.value(args, ++i));
                case "--width" -> width = Integer.parseInt(PredictBench.value(args, ++i));
                case "--heads" -> heads = Integer.parseInt(PredictBench.value(args, ++i));
                case "--window" -> window = Integer.parseInt(PredictBench.value(args, ++i));
                case "--seconds" -> seconds = Double.parseDouble(PredictBench.value(args, ++i));
                case "--patterns" -> patterns = PredictBench.value(args, ++i).split(",");
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (see rewire.bench.AttentionBenchmark's Javadoc)");
            }
        }
        Kernels kernels = Kernels.defaults();
        for (int length : lengths) {
            int sequences = Math.max(1, tokens / length);
            Var qkv = Var.leaf(gaussian(new Rng(length), 3 * width, sequences * length));
            for (String name : patterns) {
                AttentionMask mask = AttentionMask.named(name, window);
                int h = heads;
                double masked = medianMillis(kernels, qkv, seconds,
                        tape -> AttentionOps.maskedSelfAttention(tape, qkv, h, length, mask));
                double sparse = medianMillis(kernels, qkv, seconds,
                        tape -> SparseAttentionOps.selfAttention(tape, qkv, h, length, mask));
                System.out.println(new AttentionTable.Row(kernels.info().threads(), length, sequences, name,
                        mask.allowedPairs(length), masked, sparse).csv());
            }
        }
    }

    // median milliseconds of one forward and backward of op on a reused tape, after as long of warm-up
    private static double medianMillis(Kernels kernels, Var qkv, double seconds, Function<Tape, Var> op) {
        Tape tape = new Tape(kernels);
        long budget = (long) (seconds * 1e9);
        long warmEnd = System.nanoTime() + budget;
        while (System.nanoTime() < warmEnd) {
            call(tape, qkv, op);
        }
        double[] times = new double[16];
        int n = 0;
        long end = System.nanoTime() + budget;
        while (n < 5 || System.nanoTime() < end) {
            long start = System.nanoTime();
            call(tape, qkv, op);
            if (n == times.length) {
                times = Arrays.copyOf(times, 2 * n);
            }
            times[n++] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times, 0, n);
        return times[n / 2];
    }

    private static void call(Tape tape, Var qkv, Function<Tape, Var> op) {
        tape.clear();
        if (qkv.grad() != null) {
            qkv.grad().fill(0f);
        }
        tape.backward(Ops.sum(tape, op.apply(tape)));
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

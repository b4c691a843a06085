package rewire.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rewire.autodiff.Tape;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptConfig;
import rewire.models.gpt.GptModel;
import rewire.models.gpt.GptRuns;
import rewire.models.gpt.GptWorkload;
import rewire.optim.Slots;
import rewire.run.RunCheckpoint;
import rewire.run.RunFolder;
import rewire.tensor.Rng;

/**
 * Inference speed of trained and pruned GPT runs: tokens per second of the model's forward pass
 * (logits of a batch of {@code B} sequences of the block size, as evaluation computes them), for a
 * dense run with its dense GEMMs and for a pruned run twice, its sparse layers forced to CSR kernels
 * ({@code model.crossover=2}) and forced to dense GEMMs on masked copies ({@code model.crossover=0}).
 * The best of {@code repeats} timed windows counts, each window long enough to cover about
 * {@code tokens} tokens. One tab-separated line per run and mode: folder, mode, density of the
 * block layers, tokens per second.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Drewire.threads=1 \
 *      -cp rewire-bench/target/benchmarks.jar rewire.bench.PrunedInference [--batch 12] [--tokens 100000] \
 *      [--repeats 5] RUN...
 * </pre>
 */
public final class PrunedInference {
    private PrunedInference() {
    }

    public static void main(String[] args) throws IOException {
        int batch = 12;
        long tokens = 100_000;
        int repeats = 5;
        List<Path> runs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--tokens" -> tokens = Long.parseLong(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                default -> runs.add(Path.of(args[i]));
            }
        }
        for (Path run : runs) {
            GptWorkload plain = load(run, null);
            if (plain.group().sparseLayers().isEmpty()) {
                report(run, "dense", plain, batch, tokens, repeats);
            } else {
                report(run, "csr", load(run, 2.0), batch, tokens, repeats);
                report(run, "masked-dense", load(run, 0.0), batch, tokens, repeats);
            }
        }
    }

    private static void report(Path run, String mode, GptWorkload w, int batch, long tokens, int repeats) {
        System.out.printf(Locale.ROOT, "%s\t%s\t%.4f\t%.0f%n", run, mode, w.group().density(),
                tokensPerSecond(w.model(), batch, tokens, repeats));
    }

    // the run's GPT as of its last checkpoint, with model.crossover set when not null
    private static GptWorkload load(Path run, Double crossover) throws IOException {
        RunFolder folder = RunFolder.open(run);
        List<String> overrides = crossover == null ? List.of() : List.of("model.crossover=" + crossover);
        GptConfig config = Config.load(GptConfig.class, folder.path(RunFolder.CONFIG_YAML), overrides);
        if (!(GptRuns.spec(config, Kernels.defaults()).workload() instanceof GptWorkload gpt)) {
            throw new IllegalArgumentException(run + " is no plain GPT run");
        }
        RunCheckpoint.restore(folder.lastCheckpoint(), gpt, new Slots(), List.of());
        gpt.model().eval();
        return gpt;
    }

    // the best over `repeats` windows of forward passes of random token blocks
    private static double tokensPerSecond(GptModel model, int batch, long tokens, int repeats) {
        int t = model.blockSize();
        int[] ids = new int[batch * t];
        Rng rng = new Rng(1);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rng.nextInt(model.vocabSize());
        }
        Tape tape = new Tape();
        long passes = Math.max(1, tokens / ids.length);
        for (int i = 0; i < Math.max(3, passes / 4); i++) {
            tape.clear();
            model.logits(tape, ids, t);
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            for (long p = 0; p < passes; p++) {
                tape.clear();
                model.logits(tape, ids, t);
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        tape.clear();
        return passes * ids.length / best;
    }
}

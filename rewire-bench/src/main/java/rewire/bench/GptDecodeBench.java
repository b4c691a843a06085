package rewire.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.models.gpt.Decoder;
import rewire.models.gpt.GptConfig;
import rewire.models.gpt.GptModel;
import rewire.models.gpt.GptRuns;
import rewire.models.gpt.GptWorkload;
import rewire.models.gpt.Sampler;
import rewire.run.RunSpec;
import rewire.tensor.Rng;

/**
 * Token-generation speed of the GPT (issue 16's inference target: tokens per second with a KV
 * cache). At batch 1 through the library call a user makes, {@link Sampler#generate}: greedy
 * generation from the first {@code --prompt} characters of the configuration's text up to the block
 * size, with the key/value cache ({@link Decoder}) and, for comparison, recomputing the whole context
 * for every token as the sampler did before the cache ({@link Sampler.Decoding#RECOMPUTE}). At a
 * larger batch B through a {@link Decoder} of B sequences: B prompts (consecutive windows of the
 * text) decoded together, greedily, up to the block size. The model is the configuration's GPT at its
 * initial topology (a forward pass costs the same whatever values the weights hold) with the
 * attention mask a finished run of the configuration samples with ({@code attentionAfter} its planned
 * steps), so {@code --set model.sparseAttention=local} and the like time sparse attention.
 *
 * <pre>
 * java -Drewire.threads=1 -cp benchmarks.jar rewire.bench.GptDecodeBench --config examples/gpt-shakespeare.yaml
 *      [--set sparsity.recipe=static --set sparsity.density=0.055 ...] [--prompt 8] [--batches 1,256]
 *      [--seconds 3] [--cache-only]
 * </pre>
 * Prints {@code PREDICT,rewire,gpt,density,threads,batch,median ms,p90 ms,tokens/s} per batch size
 * and, at batch 1, the same with side {@code rewire-recompute} for recomputing (left out with
 * {@code --cache-only}): one call generates {@code blockSize - prompt} tokens per sequence, and its
 * milliseconds per generated position are what the line reports, warmed up and timed as
 * {@link CallTimes} says. bench/peer/torch_gpt_decode.py prints the same lines for PyTorch.
 */
public final class GptDecodeBench {
    private GptDecodeBench() {
    }

    /** What one benchmark process times: a model, its text, a prompt length. */
    private record Setup(GptWorkload workload, String text, int prompt, Kernels kernels) {
        GptModel model() {
            return workload.model();
        }

        int generated() {
            return model().blockSize() - prompt;
        }

        // sorted milliseconds per generated position of `call`, then its PREDICT line
        String line(String side, int batch, LongSupplier call, double seconds) {
            double[] ms = CallTimes.warmedUp(call, seconds);
            for (int i = 0; i < ms.length; i++) {
                ms[i] /= generated();
            }
            return CallTimes.line(side, "gpt", workload.group().density(), kernels.info().threads(), batch, ms);
        }
    }

    public static void main(String[] args) throws IOException {
        Path config = null;
        double seconds = 3;
        int prompt = 8;
        int[] batches = {1, 256};
        boolean recompute = true;
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(PredictBench.value(args, ++i));
                case "--seconds" -> seconds = Double.parseDouble(PredictBench.value(args, ++i));
                case "--prompt" -> prompt = Integer.parseInt(PredictBench.value(args, ++i));
                case "--batches" -> batches = Arrays.stream(PredictBench.value(args, ++i).split(","))
                        .mapToInt(Integer::parseInt).toArray();
                case "--cache-only" -> recompute = false;
                case "--set" -> overrides.add(PredictBench.value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (see GptDecodeBench's "
                        + "Javadoc)");
            }
        }
        if (config == null || !(seconds > 0)) {
            throw new IllegalArgumentException("need --config FILE and --seconds > 0");
        }
        Setup setup = setup(config, overrides, prompt);
        for (int batch : batches) {
            if (batch == 1) {
                System.out.println(setup.line("rewire", 1, sampled(setup, Sampler.Decoding.KV_CACHE), seconds));
                if (recompute) {
                    System.out.println(setup.line("rewire-recompute", 1, sampled(setup, Sampler.Decoding.RECOMPUTE),
                            seconds));
                }
            } else {
                System.out.println(setup.line("rewire", batch, decodedTogether(setup, batch), seconds));
            }
        }
    }

    private static Setup setup(Path config, List<String> overrides, int prompt) throws IOException {
        Kernels kernels = Kernels.defaults();
        GptConfig settings = Config.load(GptConfig.class, config, overrides);
        RunSpec spec = GptRuns.spec(settings, kernels);
        GptWorkload workload = (GptWorkload) spec.workload();
        workload.model().setAttentionMask(workload.attentionAfter(spec.totalSteps()));
        if (prompt < 1 || prompt >= workload.model().blockSize()) {
            throw new IllegalArgumentException("--prompt " + prompt + " must be in [1, " + workload.model().blockSize()
                    + "): the block size of " + config + " leaves no token to generate");
        }
        return new Setup(workload, Files.readString(settings.data().textFile()), prompt, kernels);
    }

    // one greedy Sampler.generate call from the text's first characters up to the block size
    private static LongSupplier sampled(Setup setup, Sampler.Decoding decoding) {
        Sampler sampler = new Sampler(setup.model(), setup.workload().tokenizer(), setup.kernels(), decoding);
        String start = setup.text().substring(0, setup.text().offsetByCodePoints(0, setup.prompt()));
        return () -> sampler.generate(start, setup.generated(), 0, new Rng(1)).hashCode();
    }

    // `batch` prompts, consecutive windows of the text, decoded together greedily up to the block size
    private static LongSupplier decodedTogether(Setup setup, int batch) {
        int[] text = setup.workload().tokenizer().encode(setup.text());
        if (text.length < batch * setup.prompt()) {
            throw new IllegalArgumentException("--batches " + batch + ": the text's " + text.length
                    + " characters hold fewer than " + batch + " prompts of " + setup.prompt());
        }
        int[][] prompts = new int[batch][];
        for (int b = 0; b < batch; b++) {
            prompts[b] = Arrays.copyOfRange(text, b * setup.prompt(), (b + 1) * setup.prompt());
        }
        Decoder decoder = setup.model().decoder(setup.kernels(), batch);
        int vocab = setup.model().vocabSize();
        int[] next = new int[batch];
        return () -> {
            float[] logits = decoder.prefill(prompts);                   // (V, B)
            for (int i = 0; i < setup.generated(); i++) {
                for (int b = 0; b < batch; b++) {
                    int best = 0;
                    for (int v = 1; v < vocab; v++) {
                        best = logits[v * batch + b] > logits[best * batch + b] ? v : best;
                    }
                    next[b] = best;
                }
                if (i + 1 < setup.generated()) {
                    logits = decoder.next(next);
                }
            }
            return next[0];
        };
    }
}

package rewire.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.models.gpt.GptConfig;
import rewire.models.gpt.GptModel;
import rewire.models.gpt.GptRuns;
import rewire.models.gpt.GptWorkload;
import rewire.models.gpt.Sampler;
import rewire.run.RunSpec;
import rewire.tensor.Rng;

/**
 * Token-generation speed of the GPT (issue 16's inference target: tokens per second with a KV
 * cache), through the library call a user makes, {@link Sampler#generate}: greedy generation at
 * batch 1 from the first {@code --prompt} characters of the configuration's text up to the block
 * size, with the key/value cache ({@link rewire.models.gpt.Decoder}) and, for comparison,
 * recomputing the whole context for every token as the sampler did before the cache
 * ({@link Sampler.Decoding#RECOMPUTE}). The model is the configuration's GPT at its initial
 * topology (a forward pass costs the same whatever values the weights hold) with the attention mask
 * a finished run of the configuration samples with ({@code attentionAfter} its planned steps), so
 * {@code --set model.sparseAttention=local} and the like time sparse attention.
 *
 * <pre>
 * java -Drewire.threads=1 -cp benchmarks.jar rewire.bench.GptDecodeBench --config examples/gpt-shakespeare.yaml
 *      [--set sparsity.recipe=rigl --set sparsity.density=0.055 ...] [--prompt 8] [--seconds 3] [--cache-only]
 * </pre>
 * Prints {@code PREDICT,rewire,gpt,density,threads,1,median ms,p90 ms,tokens/s} for the cache and the
 * same with side {@code rewire-recompute} for recomputing (left out with {@code --cache-only}): one
 * call generates {@code blockSize - prompt} tokens, and its milliseconds per generated token are
 * what the line reports, warmed up and timed as {@link CallTimes} says.
 * bench/peer/torch_gpt_decode.py prints the same line for PyTorch.
 */
public final class GptDecodeBench {
    private GptDecodeBench() {
    }

    public static void main(String[] args) throws IOException {
        Path config = null;
        double seconds = 3;
        int prompt = 8;
        boolean recompute = true;
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(PredictBench.value(args, ++i));
                case "--seconds" -> seconds = Double.parseDouble(PredictBench.value(args, ++i));
                case "--prompt" -> prompt = Integer.parseInt(PredictBench.value(args, ++i));
                case "--cache-only" -> recompute = false;
                case "--set" -> overrides.add(PredictBench.value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (see GptDecodeBench's "
                        + "Javadoc)");
            }
        }
        if (config == null || !(seconds > 0)) {
            throw new IllegalArgumentException("need --config FILE and --seconds > 0");
        }
        Kernels kernels = Kernels.defaults();
        GptConfig settings = Config.load(GptConfig.class, config, overrides);
        RunSpec spec = GptRuns.spec(settings, kernels);
        GptWorkload workload = (GptWorkload) spec.workload();
        GptModel model = workload.model();
        model.setAttentionMask(workload.attentionAfter(spec.totalSteps()));
        if (prompt < 1 || prompt >= model.blockSize()) {
            throw new IllegalArgumentException("--prompt " + prompt + " must be in [1, " + model.blockSize()
                    + "): the block size of " + config + " leaves no token to generate");
        }
        String text = Files.readString(settings.data().textFile());
        String start = text.substring(0, text.offsetByCodePoints(0, prompt));
        int count = model.blockSize() - prompt;
        List<Sampler.Decoding> decodings = recompute ? List.of(Sampler.Decoding.values())
                : List.of(Sampler.Decoding.KV_CACHE);
        for (Sampler.Decoding decoding : decodings) {
            Sampler sampler = new Sampler(model, workload.tokenizer(), kernels, decoding);
            double[] ms = CallTimes.warmedUp(() -> sampler.generate(start, count, 0, new Rng(1)).hashCode(), seconds);
            for (int i = 0; i < ms.length; i++) {
                ms[i] /= count;
            }
            String side = decoding == Sampler.Decoding.KV_CACHE ? "rewire" : "rewire-recompute";
            System.out.println(CallTimes.line(side, "gpt", workload.group().density(), kernels.info().threads(), 1, ms));
        }
    }
}

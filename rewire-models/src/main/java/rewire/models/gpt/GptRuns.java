package rewire.models.gpt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import rewire.config.Config;
import rewire.dist.DataParallelExecution;
import rewire.dist.ReplicaFactory;
import rewire.dist.Shardable;
import rewire.kernel.Kernels;
import rewire.recipe.Recipe;
import rewire.run.RunSpec;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;
import rewire.train.Workload;

/** Turns a {@link GptConfig} into a {@link RunSpec}: text, tokenizer, model with its initial topology, recipe. */
public final class GptRuns {
    private static final long DATA_STREAM = 0xDA7AL;
    private static final long INIT_STREAM = 0x1417L;
    private static final long TOPOLOGY_STREAM = 0x7090L;

    private GptRuns() {
    }

    /** Reads the text and builds everything the run needs; the vocabulary goes into the run's config. */
    public static RunSpec spec(GptConfig config, Kernels kernels) throws IOException {
        RunSpec spec = spec(config, readText(config.data().textFile()), kernels);
        return spec.withExecution(DataParallelExecution.of(config.dist(),
                new ReplicaFactory(spec.configYaml(), GptRuns::replica)));
    }

    // a data-parallel replica: the run's model rebuilt from its resolved configuration, its text read again
    private static Shardable replica(String configYaml, Kernels kernels) throws IOException {
        GptConfig config = Config.fromYaml(GptConfig.class, configYaml, "replica configuration");
        return model(config, readText(config.data().textFile()), kernels);
    }

    /**
     * Builds the run on {@code text}: the GPT workload, or with {@code distill.teacher} the
     * distillation of it against that run's model ({@link DistillWorkload}); data-parallel replicas
     * (with {@code dist.engine} set) are built on the same text.
     *
     * @throws UncheckedIOException when the teacher's run folder cannot be read
     * @throws IllegalArgumentException when a distillation is asked to train data-parallel
     */
    public static RunSpec spec(GptConfig config, String text, Kernels kernels) {
        GptWorkload model = model(config, text, kernels);
        GptConfig resolved = config.withVocabulary(model.tokenizer().codePoints());
        Workload workload = model;
        if (config.distill().teacher().isPresent()) {
            try {
                workload = new DistillWorkload(model, Teacher.load(config.distill().teacher().get(), model.tokenizer(),
                        kernels), config.distill().lambda(), kernels);
            } catch (IOException e) {
                throw new UncheckedIOException("distill.teacher: cannot read " + config.distill().teacher().get(), e);
            }
        }
        if (workload != model && resolved.dist().isDistributed()) {
            throw new IllegalArgumentException("distill.teacher and dist.engine=" + resolved.dist().engine()
                    + " cannot be combined: a distillation trains in one process");
        }
        Recipe recipe = model.group().recipe();
        List<LayerShape> shapes = new GptArchitecture(resolved.model(), model.tokenizer().vocabSize(), "").shapes();
        String yaml = Config.toYaml(resolved);
        ReplicaFactory.Builder onThisText = (replicaYaml, replicaKernels) -> model(
                Config.fromYaml(GptConfig.class, replicaYaml, "replica configuration"), text, replicaKernels);
        return new RunSpec(resolved.name(), resolved.seed(), yaml, Config.toPlain(resolved), workload, resolved.train(),
                recipe == null ? List.of() : recipe.warnings(shapes),
                DataParallelExecution.of(resolved.dist(), new ReplicaFactory(yaml, onThisText)));
    }

    /** The GPT workload of {@code config} on {@code text}, its model at the run's initialization. */
    static GptWorkload model(GptConfig config, String text, Kernels kernels) {
        CharTokenizer tokenizer = config.data().vocabulary().isEmpty() ? CharTokenizer.fromText(text)
                : CharTokenizer.fromCodePoints(config.data().vocabulary());
        GptConfig resolved = config.withVocabulary(tokenizer.codePoints());
        TokenBlocks[] split = TokenBlocks.split(tokenizer.encode(text), config.data().trainFraction());
        long totalSteps = resolved.plannedSteps();
        Recipe recipe = resolved.sparsity().isDense() ? null
                : resolved.sparsity().create(totalSteps, resolved.data().stepsPerEpoch());
        GptArchitecture arch = new GptArchitecture(resolved.model(), tokenizer.vocabSize(), "");
        Rng seed = new Rng(resolved.seed());
        List<SparsityPattern> patterns = recipe == null
                ? new ArrayList<>(Collections.nCopies(arch.shapes().size(), (SparsityPattern) null))
                : recipe.initialPatterns(arch.shapes(), seed.fold(TOPOLOGY_STREAM));
        return new GptWorkload(arch.build(patterns, seed.fold(INIT_STREAM)), resolved.optim().transform(totalSteps),
                resolved.optim().learningRate(totalSteps), recipe, tokenizer, split, resolved.data(), resolved.model(),
                totalSteps, seed.fold(DATA_STREAM), kernels);
    }

    /** The UTF-8 text of {@code file}, with an error that names the file when it is missing, empty or not UTF-8. */
    static String readText(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data.text: no text file at " + file.toAbsolutePath());
        }
        if (Files.size(file) == 0) {
            throw new IllegalArgumentException("data.text: " + file.toAbsolutePath()
                    + " is empty: a GPT run needs a text to learn from");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("data.text: " + file + " is not valid UTF-8", e);
        }
    }
}

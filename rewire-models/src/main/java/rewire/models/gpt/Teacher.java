package rewire.models.gpt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseLinear;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.prune.WeightTransfer;
import rewire.run.RunCheckpoint;
import rewire.run.RunFolder;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;

/**
 * The frozen teacher of a distillation run: a trained GPT run's model as of its last checkpoint,
 * rebuilt with every parameter name prefixed {@code teacher.}, so that it sits beside a student of
 * the same names in one workload and one checkpoint.
 */
final class Teacher {
    static final String PREFIX = "teacher.";

    private Teacher() {
    }

    /**
     * The model of the run in {@code dir}; its vocabulary must be {@code vocabulary}.
     *
     * @throws IllegalArgumentException naming the folder when it is no GPT run with a checkpoint or its
     *     vocabulary differs
     */
    static GptArchitecture.Built load(Path dir, CharTokenizer vocabulary, Kernels kernels) throws IOException {
        RunFolder folder = RunFolder.open(dir);
        GptConfig config = Config.load(GptConfig.class, folder.path(RunFolder.CONFIG_YAML), List.of());
        GptWorkload trained = GptRuns.model(config, GptRuns.readText(config.data().textFile()), kernels);
        if (!trained.tokenizer().codePoints().equals(vocabulary.codePoints())) {
            throw new IllegalArgumentException("distill.teacher: " + dir + " has another vocabulary ("
                    + trained.tokenizer().vocabSize() + " characters) than the student (" + vocabulary.vocabSize() + ")");
        }
        RunCheckpoint.restore(lastCheckpoint(folder), trained, new Slots(), List.of());
        Map<String, SparsityPattern> sparse = new HashMap<>();
        for (SparseLinear l : trained.group().sparseLayers()) {
            sparse.put(PREFIX + l.weight().name(), l.weight().pattern());
        }
        GptArchitecture arch = new GptArchitecture(config.model(), vocabulary.vocabSize(), PREFIX);
        List<SparsityPattern> patterns = new ArrayList<>();
        for (LayerShape s : arch.shapes()) {
            patterns.add(sparse.get(s.name() + ".weight"));
        }
        GptArchitecture.Built teacher = arch.build(patterns, new Rng(0));
        WeightTransfer.copy(prefixed(trained.params()), Map.of(), teacher.model().params());
        teacher.model().eval();
        return teacher;
    }

    private static Path lastCheckpoint(RunFolder folder) {
        Path file = folder.lastCheckpoint();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("distill.teacher: " + folder.dir() + " has no checkpoint to teach from");
        }
        return file;
    }

    // the same values under the prefixed names (views: the arrays are shared)
    private static List<Param> prefixed(List<Param> params) {
        return params.stream().map(p -> (Param) switch (p) {
            case DenseParam d -> new DenseParam(PREFIX + d.name(), d.value());
            case SparseParam s -> new SparseParam(PREFIX + s.name(), s.weight());
        }).toList();
    }
}

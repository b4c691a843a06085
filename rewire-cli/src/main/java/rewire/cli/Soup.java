package rewire.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rewire.io.Json;
import rewire.kernel.Kernels;
import rewire.nn.Param;
import rewire.prune.ModelSoup;
import rewire.prune.OneShotPruner;
import rewire.prune.ScoreCriterion;
import rewire.prune.SparsityTarget;
import rewire.prune.WeightTransfer;
import rewire.run.RunFolder;
import rewire.run.RunSpec;
import rewire.run.TrainingRun;
import rewire.sparse.CsrMatrix;

/**
 * Sparse model soups (Zimmer, Spiegel and Pokutta, ICLR 2024): each phase fine-tunes
 * {@code ingredients} copies of one sparse model with their masks fixed and different seeds (so
 * different data orders), each as its own run folder, and averages them into the soup
 * ({@link ModelSoup}), a {@link StartingPoint} folder with the same mask. A further phase first
 * prunes the previous soup by magnitude, layer by layer, to its sparsity (the paper's iterative
 * magnitude pruning), then cooks again from it. Every folder's configuration is the pruned run's,
 * with its seed moved for each ingredient and the user's overrides.
 */
final class Soup {
    /** The file of a soup folder that records its ingredients. */
    static final String RECORD = "soup.json";

    private Soup() {
    }

    /**
     * One phase: the model it started from, every ingredient and the soup, by validation loss and
     * perplexity.
     *
     * @param sparsity    the phase's target ("as pruned" for the first)
     * @param start       the model the ingredients were fine-tuned from
     * @param ingredients each ingredient's folder, seed and quality
     * @param soup        the soup's folder and quality
     */
    record Phase(String sparsity, Pruning.Quality start, List<Ingredient> ingredients, Ingredient soup) {
    }

    /** A model of a phase: its run folder, its seed, its validation loss and perplexity. */
    record Ingredient(String folder, long seed, Pruning.Quality quality) {
    }

    /** Cooks one soup from {@code pruned}, then one per sparsity of {@code then}; returns the phases. */
    static List<Phase> cook(LoadedRun pruned, int ingredients, List<Double> then, List<String> overrides,
                            Kernels kernels) throws IOException {
        pruned.gpt("soup");
        List<Phase> phases = new ArrayList<>();
        LoadedRun current = pruned;
        List<String> settings = overrides;
        for (int phase = 0; phase <= then.size(); phase++) {
            Map<String, CsrMatrix> layers = Map.of();
            String sparsity = "as pruned";
            if (phase > 0) {
                SparsityTarget target = SparsityTarget.unstructured(then.get(phase - 1));
                sparsity = target.toString();
                layers = OneShotPruner.prune(current.gpt("soup"), new OneShotPruner.Settings(ScoreCriterion.MAGNITUDE,
                        target, 0, true, 0)).pruned();
                settings = withDensity(overrides, target.density());
            }
            Phase done = phase(pruned, phase, ingredients, current.spec().workload().params(), layers, settings, kernels,
                    sparsity, Pruning.Quality.of(current.evaluate()));
            phases.add(done);
            current = LoadedRun.open(Path.of(done.soup().folder()), false, "soup", kernels);
        }
        return phases;
    }

    private static List<String> withDensity(List<String> overrides, double density) {
        List<String> out = new ArrayList<>(overrides);
        out.add("sparsity.density=" + density);
        return out;
    }

    // the ingredients from `start` (its pruned layers as `layers`), then their soup
    private static Phase phase(LoadedRun pruned, int phase, int count, List<Param> start, Map<String, CsrMatrix> layers,
                               List<String> overrides, Kernels kernels, String sparsity, Pruning.Quality quality)
            throws IOException {
        String name = pruned.spec().name() + "-soup" + (phase + 1);
        List<Ingredient> ingredients = new ArrayList<>();
        List<List<Param>> cooked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seed = pruned.spec().seed() + 1 + i;
            RunSpec spec = spec(pruned, name + "-ingredient" + i, seed, overrides, kernels);
            WeightTransfer.copy(start, layers, spec.workload().params());
            TrainingRun run = TrainingRun.start(spec, kernels, progress -> { });
            double loss = run.run().summary().value("loss");
            ingredients.add(new Ingredient(run.folder().dir().toString(), seed, new Pruning.Quality(loss, Math.exp(loss))));
            cooked.add(spec.workload().params());
        }
        RunSpec soup = spec(pruned, name, pruned.spec().seed(), overrides, kernels);
        WeightTransfer.copy(start, layers, soup.workload().params());
        ModelSoup.average(cooked, soup.workload().params());
        StartingPoint written = StartingPoint.write(soup, kernels);
        Phase done = new Phase(sparsity, quality, ingredients, new Ingredient(written.folder().dir().toString(),
                pruned.spec().seed(), Pruning.Quality.of(written.evaluation())));
        written.folder().writeText(RECORD, Json.write(done) + "\n");
        return done;
    }

    private static RunSpec spec(LoadedRun pruned, String name, long seed, List<String> overrides, Kernels kernels)
            throws IOException {
        List<String> all = new ArrayList<>(List.of("name=" + name, "seed=" + seed));
        all.addAll(overrides);
        return RunSpecs.fromFile(pruned.folder().path(RunFolder.CONFIG_YAML), all, kernels);
    }
}

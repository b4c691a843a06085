package rewire.models.gpt;

import java.nio.file.Path;
import rewire.config.Config;
import rewire.dist.DistSettings;
import rewire.run.LoopSettings;
import rewire.train.OptimSettings;
import rewire.train.SparsitySettings;

/**
 * The configuration of a GPT language-model run ({@code workload: gpt}). The defaults are
 * nanoGPT's CPU baseline on Shakespeare characters: 4 layers, 4 heads, width 128, block 64,
 * batch 12, 2000 iterations (8 epochs of 250 steps), AdamW (beta2 0.99, weight decay 0.1 on
 * matrices), lr 1e-3 with 100 warm-up steps and cosine decay to 1e-4, gradient clipping at 1,
 * dense.
 *
 * @param workload {@code gpt}
 * @param name     the run's name, the start of its folder's name: letters, digits, '.', '_' or '-'
 * @param seed     the seed of every random draw of the run (batches, initialization, topology)
 * @param model    the model section
 * @param data     the data section
 * @param train    the training loop section
 * @param optim    the optimizer section
 * @param sparsity the sparsity section
 * @param dist     the data-parallel section: engine, shards, local steps, compression (shards take parts of
 *                 each batch: a client split needs labelled examples)
 * @param distill  the distillation section
 */
public record GptConfig(String workload, String name, long seed, GptModelSettings model, GptDataSettings data,
                        LoopSettings train, OptimSettings optim, SparsitySettings sparsity, DistSettings dist,
                        DistillSettings distill) {

    public static final String WORKLOAD = "gpt";

    public GptConfig {
        if (!workload.equals(WORKLOAD)) {
            throw new IllegalArgumentException("workload must be '" + WORKLOAD + "' for a GPT run, got '" + workload + "'");
        }
        if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (dist.isDistributed() && data.batchSize() % dist.partitions() != 0) {
            throw new IllegalArgumentException("data.batchSize " + data.batchSize() + " does not split into dist.partitions "
                    + dist.partitions() + " equal shards: make the batch a multiple of the partitions");
        }
        if (dist.clientSplit().byClient()) {
            throw new IllegalArgumentException("dist.split=" + Config.spelling(dist.split()) + " gives each shard the "
                    + "examples of some labels, and a language model's blocks have none: use dist.split=batch");
        }
    }

    public static GptConfig defaults() {
        return new GptConfig(WORKLOAD, "gpt-shakespeare", 1337, GptModelSettings.defaults(), GptDataSettings.defaults(),
                new LoopSettings(8, 50, 250, 0, 3, 0, Path.of("runs")),
                new OptimSettings(OptimSettings.Optimizer.ADAMW, 1e-3, 0.9, 0.99, 1e-8, 0.1, false,
                        OptimSettings.RateSchedule.COSINE, 100, 1e-4, 1000, 0.1, 1.0),
                new SparsitySettings(SparsitySettings.DENSE, 1.0, java.util.List.of()), DistSettings.defaults(),
                DistillSettings.defaults());
    }

    /** This configuration with {@code data.vocabulary} filled in. */
    public GptConfig withVocabulary(java.util.List<Integer> codePoints) {
        return new GptConfig(workload, name, seed, model, data.withVocabulary(codePoints), train, optim, sparsity, dist,
                distill);
    }

    /** Total optimizer steps. */
    public long totalSteps() {
        return (long) train.epochs() * data.stepsPerEpoch();
    }

    /** The steps the schedules are planned over ({@code train.scheduleEpochs}, or the whole run). */
    public long plannedSteps() {
        return (long) train.plannedEpochs() * data.stepsPerEpoch();
    }
}

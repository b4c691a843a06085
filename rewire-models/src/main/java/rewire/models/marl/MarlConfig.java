package rewire.models.marl;

import java.nio.file.Path;
import rewire.run.LoopSettings;
import rewire.train.OptimSettings;
import rewire.train.SparsitySettings;

/**
 * The configuration of a multi-agent run ({@code workload: marl}). Defaults: dense QMIX on 3m
 * with pymarl's settings, Adam (lr 5e-4, as pymarl2) with gradient clipping at 10 (pymarl's
 * grad_norm_clip). A MAST run turns on the {@code mast} parts and sets {@code sparsity} to RigL
 * (examples/marl-3m-mast.yaml). One training step is one episode plus one gradient update, so
 * {@code train.epochs × learner.episodesPerEpoch} is the number of updates.
 *
 * @param workload {@code marl}
 * @param name     the run's name, the start of its folder's name: letters, digits, '.', '_' or '-'
 * @param seed     the seed of every random draw of the run (environment, exploration, initialization)
 * @param env      the environment section
 * @param network  the agent and mixer networks section
 * @param learner  the learner section
 * @param mast     the MAST section
 * @param train    the training loop section
 * @param optim    the optimizer section
 * @param sparsity the sparsity section
 */
public record MarlConfig(String workload, String name, long seed, EnvSettings env, NetworkSettings network,
                         LearnerSettings learner, MastSettings mast, LoopSettings train, OptimSettings optim,
                         SparsitySettings sparsity) {

    public static final String WORKLOAD = "marl";

    public MarlConfig {
        if (!workload.equals(WORKLOAD)) {
            throw new IllegalArgumentException("workload must be '" + WORKLOAD + "' for a multi-agent run, got '"
                    + workload + "'");
        }
        if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
    }

    public static MarlConfig defaults() {
        return new MarlConfig(WORKLOAD, "qmix-3m", 1, EnvSettings.defaults(), NetworkSettings.defaults(),
                LearnerSettings.defaults(), MastSettings.defaults(), new LoopSettings(20, 20, 0, 0, 3, 0, Path.of("runs")),
                new OptimSettings(OptimSettings.Optimizer.ADAM, 5e-4, 0.9, 0.999, 1e-5, 0, false,
                        OptimSettings.RateSchedule.CONSTANT, 0, 0, 1000, 0.1, 10),
                new SparsitySettings(SparsitySettings.DENSE, 1, java.util.List.of()));
    }
}

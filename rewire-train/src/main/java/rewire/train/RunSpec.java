package rewire.train;

import rewire.recipe.Recipe;

/**
 * Everything a training run is made of, resolved: what to train and how.
 *
 * @param name       the run's name (the run folder starts with it)
 * @param seed       the seed everything random derives from
 * @param configYaml the resolved configuration, written to config.yaml so the run can be resumed
 * @param config     the same configuration as plain values, for run.json
 * @param workload   model, data and loss
 * @param optim      the optimizer
 * @param recipe     the DST recipe, or null for a dense run
 * @param loop       epochs, logging, evaluation and checkpoint intervals
 */
public record RunSpec(String name, long seed, String configYaml, Object config, Workload workload,
                      OptimSettings optim, Recipe recipe, LoopSettings loop) {

    /** Optimizer steps of the whole run. */
    public long totalSteps() {
        return loop.epochs() * workload.stepsPerEpoch();
    }
}

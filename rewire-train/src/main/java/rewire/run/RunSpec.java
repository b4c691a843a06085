package rewire.run;

import java.util.List;
import rewire.train.Workload;

/**
 * Everything a training run is made of, resolved: what to train and how long.
 *
 * @param name       the run's name (the run folder starts with it)
 * @param seed       the seed everything random derives from
 * @param configYaml the resolved configuration, written to config.yaml so the run can be resumed
 * @param config     the same configuration as plain values, for run.json
 * @param workload   the parameter groups (each with its optimizer and recipe), data and step
 * @param loop       epochs, logging, evaluation and checkpoint intervals
 * @param warnings   what the configuration will do that a user may not expect (a constraint that
 *                   changes the density, a run that ends before its first topology update)
 * @param execution  where the steps run: this process, or the shards of a data-parallel engine
 */
public record RunSpec(String name, long seed, String configYaml, Object config, Workload workload,
                      LoopSettings loop, List<String> warnings, Execution execution) {

    public RunSpec {
        warnings = List.copyOf(warnings);
        if (execution == null) {
            throw new IllegalArgumentException("run " + name + ": no execution (Execution.singleProcess() for one process)");
        }
    }

    /** A run whose steps all execute in this process. */
    public RunSpec(String name, long seed, String configYaml, Object config, Workload workload, LoopSettings loop,
                   List<String> warnings) {
        this(name, seed, configYaml, config, workload, loop, warnings, Execution.singleProcess());
    }

    /** Optimizer steps of the whole run. */
    public long totalSteps() {
        return loop.epochs() * workload.stepsPerEpoch();
    }

    /** This run with another workload (a test wraps one to fail on purpose). */
    public RunSpec withWorkload(Workload other) {
        return new RunSpec(name, seed, configYaml, config, other, loop, warnings, execution);
    }

    /** This run with its steps executed by {@code other}. */
    public RunSpec withExecution(Execution other) {
        return new RunSpec(name, seed, configYaml, config, workload, loop, warnings, other);
    }
}

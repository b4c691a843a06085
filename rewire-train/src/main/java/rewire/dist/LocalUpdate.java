package rewire.dist;

import java.util.List;
import java.util.Map;
import rewire.train.StepResult;

/**
 * What one shard's round of local steps returns: the values and optimizer slots every parameter
 * ended with (aligned with the snapshot's patterns: a round never changes topology), and what each
 * step reported.
 *
 * @param shard  the shard
 * @param steps  each local step's result, in order
 * @param values each parameter's values by name
 * @param slots  each parameter's optimizer slots by parameter name, then slot name
 */
public record LocalUpdate(Shard shard, List<StepResult> steps, Map<String, float[]> values,
                          Map<String, Map<String, float[]>> slots) {

    public LocalUpdate {
        steps = List.copyOf(steps);
        values = Map.copyOf(values);
        slots = Map.copyOf(slots);
    }
}

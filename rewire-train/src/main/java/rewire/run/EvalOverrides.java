package rewire.run;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import rewire.config.ConfigException;
import rewire.config.Node;
import rewire.config.Overrides;

/**
 * The {@code key=value} overrides {@code rewire eval RUN} accepts: the evaluation's own settings,
 * which change how the held-out data is scored and never the trained model. A GPT run can be scored
 * on its whole validation split ({@code data.evalBlocks=all}) or on another number of random batches
 * ({@code data.evalBatches=20}, nanoGPT's estimate); a classifier can evaluate in smaller batches
 * ({@code data.evalBatch}). The run's config.yaml is not changed.
 */
public final class EvalOverrides {
    /** The keys an evaluation may change. */
    public static final Set<String> SAFE = new TreeSet<>(Set.of("data.evalBatches", "data.evalBlocks",
            "data.evalBatch"));

    private EvalOverrides() {
    }

    /**
     * The saved configuration {@code saved} (a run's config.yaml) with {@code overrides} applied.
     *
     * @throws ConfigException for an override of a key outside {@link #SAFE}, naming it and the keys allowed
     */
    public static Node.Mapping apply(Node.Mapping saved, List<String> overrides) {
        for (String o : overrides) {
            String key = Overrides.key(o);
            if (!SAFE.contains(key)) {
                throw new ConfigException("rewire eval: " + key + " is not an evaluation setting: changing it would "
                        + "evaluate another model than the run trained. Keys an evaluation may change: " + SAFE + ".");
            }
        }
        return Overrides.apply(saved, overrides);
    }
}

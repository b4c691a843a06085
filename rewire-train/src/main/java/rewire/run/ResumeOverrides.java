package rewire.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import rewire.config.ConfigException;
import rewire.config.Node;
import rewire.config.Overrides;

/**
 * The {@code key=value} overrides {@code rewire resume RUN} accepts: those that leave what the run
 * computes unchanged, so the resumed run still equals an uninterrupted one up to the point where
 * they take effect. More (or fewer) epochs keep the schedules on their original plan
 * ({@code train.scheduleEpochs}); logging, evaluation and checkpoint cadences only change what is
 * written; a distributed run may move to another cluster ({@code dist.master}: its shards compute
 * the same wherever they run). Everything else (model, data, optimizer, sparsity, seed) is refused with the reason.
 */
public final class ResumeOverrides {
    /** The keys a resume may change. */
    public static final Set<String> SAFE = new TreeSet<>(Set.of("train.epochs", "train.logEvery", "train.evalEvery",
            "train.checkpointEvery", "train.keepCheckpoints", "dist.master"));

    private ResumeOverrides() {
    }

    /**
     * The saved configuration {@code saved} (a run's config.yaml) with {@code overrides} applied.
     *
     * @throws ConfigException for an override of a key outside {@link #SAFE}, naming it and why
     */
    public static Node.Mapping apply(Node.Mapping saved, List<String> overrides) {
        List<String> all = new ArrayList<>(overrides);
        boolean epochs = false;
        for (String o : overrides) {
            String key = Overrides.key(o);
            if (!SAFE.contains(key)) {
                throw new ConfigException("rewire resume: " + key + " cannot change when a run resumes: it changes what "
                        + "the run computes, so the resumed run would no longer continue the one that was "
                        + "interrupted. Keys a resume may change: " + SAFE + ". Start a new run with rewire train to "
                        + "change " + key + ".");
            }
            epochs |= key.equals("train.epochs");
        }
        String planned = scalar(saved, "train", "scheduleEpochs");
        if (epochs && (planned == null || planned.equals("0"))) {
            String original = scalar(saved, "train", "epochs");
            if (original == null) {
                throw new ConfigException("rewire resume: the saved configuration has no train.epochs");
            }
            all.add(0, "train.scheduleEpochs=" + original);  // the schedules keep the plan they started with
        }
        return Overrides.apply(saved, all);
    }

    // the text of scalar section.key of tree, or null
    private static String scalar(Node.Mapping tree, String section, String key) {
        return tree.get(section) instanceof Node.Mapping m && m.get(key) instanceof Node.Scalar s ? s.text() : null;
    }
}

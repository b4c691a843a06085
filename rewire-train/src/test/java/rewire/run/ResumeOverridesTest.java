package rewire.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.config.ConfigException;
import rewire.config.Node;
import rewire.config.Yaml;

/** What {@code rewire resume RUN key=value} may change, and what it refuses with a reason. */
class ResumeOverridesTest {
    private static final Node.Mapping SAVED = (Node.Mapping) Yaml.parse("""
            seed: 42
            optim:
              lr: 0.01
            train:
              epochs: 3
              logEvery: 50
              scheduleEpochs: 0
            """, "config.yaml");

    private static String at(Node.Mapping tree, String section, String key) {
        return ((Node.Scalar) ((Node.Mapping) tree.get(section)).get(key)).text();
    }

    @Test
    void moreEpochsKeepTheScheduleOnItsOriginalPlan() {
        Node.Mapping out = ResumeOverrides.apply(SAVED, List.of("train.epochs=6"));
        assertEquals("6", at(out, "train", "epochs"));
        assertEquals("3", at(out, "train", "scheduleEpochs"), "the schedules stay planned over 3 epochs");
        Node.Mapping again = ResumeOverrides.apply(out, List.of("train.epochs=9"));
        assertEquals("3", at(again, "train", "scheduleEpochs"), "a second extension keeps the first plan");
    }

    @Test
    void cadencesMayChange() {
        Node.Mapping out = ResumeOverrides.apply(SAVED, List.of("train.logEvery=10", "train.checkpointEvery=100"));
        assertEquals("10", at(out, "train", "logEvery"));
        assertEquals("0", at(out, "train", "scheduleEpochs"), "no epoch change, no plan written");
    }

    @Test
    void aDistributedRunMayResumeOnAnotherClusterButNotWithOtherShards() {
        Node.Mapping out = ResumeOverrides.apply(SAVED, List.of("dist.master=spark://other:7077"));
        assertEquals("spark://other:7077", at(out, "dist", "master"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> ResumeOverrides.apply(SAVED, List.of("dist.partitions=8")));
        assertTrue(e.getMessage().contains("dist.partitions cannot change when a run resumes"), e.getMessage());
    }

    @Test
    void whatChangesTheComputationIsRefusedWithTheReason() {
        for (String override : List.of("optim.lr=0.1", "seed=1", "sparsity.density=0.05")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ResumeOverrides.apply(SAVED, List.of(override)));
            String key = override.substring(0, override.indexOf('='));
            assertTrue(e.getMessage().contains(key + " cannot change when a run resumes"), e.getMessage());
            assertTrue(e.getMessage().contains("train.epochs"), "the message lists what may change: " + e.getMessage());
        }
    }
}

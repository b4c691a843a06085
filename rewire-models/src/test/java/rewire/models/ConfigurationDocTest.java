package rewire.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.models.classify.ClassifyConfig;
import rewire.models.gan.GanConfig;
import rewire.models.gpt.GptConfig;
import rewire.models.marl.MarlConfig;
import rewire.models.rl.RlConfig;

/**
 * docs/configuration.md is what the configuration records give: every key of every workload with
 * its type, default and meaning. After changing a record, regenerate the doc with
 * {@code ./mvnw -pl rewire-models -am test -Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Drewire.regenerate=true}.
 */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("../docs/configuration.md");
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("src/test/java"),
            Path.of("../rewire-train/src/main/java"));

    static String document() throws Exception {
        ConfigurationDoc doc = new ConfigurationDoc(SOURCES);
        return """
                # Configuration keys

                <!-- Generated from the configuration records by ConfigurationDocTest (rewire-models); do not edit:
                     the test fails when this file differs from what the records give. -->

                `rewire train [CONFIG] [key=value ...]` reads a YAML (`.yaml`, `.yml`) or `.properties` file,
                then applies `key=value` overrides with dotted keys (`optim.lr=0.05`, `model.hidden=[512, 512]`).
                The key `workload` picks the record below (`classify` when absent); a key the file leaves out
                keeps its default, and an unknown key is an error that names the nearest valid one. Choices are
                written in lower case (`per-feature` or `per_feature`). Paths in a configuration file are
                relative to the file's folder. Each workload's meaning of a key is in its record's Javadoc,
                which this page repeats.

                """ + doc.section("`workload: classify`", ClassifyConfig.class) + "\n"
                + doc.section("`workload: gpt`", GptConfig.class) + "\n"
                + doc.section("`workload: marl`", MarlConfig.class) + "\n"
                + "The scenario files that `env.scenario` may name are described in [scenarios.md](scenarios.md).\n\n"
                + doc.section("`workload: rl`", RlConfig.class) + "\n"
                + "`policy.<module>.options` take the options of the regime's recipe (`rewire recipes NAME`: `static`, "
                + "`rigl`, `gmp`, `sparse-to-dense`).\n"
                + "\n" + doc.section("`workload: gan`", GanConfig.class);
    }

    @Test
    void theCommittedDocIsWhatTheRecordsGive() throws Exception {
        String expected = document();
        if (Boolean.getBoolean("rewire.regenerate")) {
            Files.writeString(DOC, expected);
        }
        assertEquals(expected, Files.readString(DOC), "docs/configuration.md differs from the configuration records;"
                + " regenerate it (see ConfigurationDocTest's class comment)");
    }

    @Test
    void everyKeyOfEveryWorkloadIsOnThePage() throws Exception {
        ConfigurationDoc doc = new ConfigurationDoc(SOURCES);
        String page = Files.readString(DOC);
        for (Class<? extends Record> type : List.of(ClassifyConfig.class, GptConfig.class, MarlConfig.class,
                RlConfig.class, GanConfig.class)) {
            for (ConfigurationDoc.Key key : doc.keys(type)) {
                assertTrue(page.contains("| `" + key.path() + "` |"), type.getSimpleName() + " key " + key.path());
            }
        }
    }

    /**
     * A record component that its Javadoc does not name.
     *
     * @param documented a key with a meaning
     */
    record Undocumented(int documented, int forgotten) {
        static Undocumented defaults() {
            return new Undocumented(1, 2);
        }
    }

    @Test
    void aKeyWithoutAnAtParamLineIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ConfigurationDoc(SOURCES).keys(Undocumented.class));
        assertTrue(e.getMessage().contains("documents no @param forgotten (key forgotten)"), e.getMessage());
    }
}

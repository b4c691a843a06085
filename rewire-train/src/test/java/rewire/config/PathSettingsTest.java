package rewire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path settings resolve where they were written: a file's against its folder, an override's and a
 * default's against the working directory. The tests' working directory is the module's folder,
 * never the temporary folder the configuration files are in, so a file that loads here loads from
 * any working directory.
 */
class PathSettingsTest {
    private static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();

    record Data(Path dir, Optional<Path> cache, NameOrPath scenario) {
        static Data defaults() {
            return new Data(Path.of("data"), Optional.empty(), NameOrPath.ofName("3m"));
        }
    }

    record Run(String name, Data data, Path runs) {
        static Run defaults() {
            return new Run("r", Data.defaults(), Path.of("runs"));
        }
    }

    @TempDir
    Path dir;

    @Test
    void relativePathsInAFileResolveAgainstTheFilesFolder() throws IOException {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Path scenario = Files.writeString(Files.createDirectories(configs.resolve("maps")).resolve("duel.json"), "{}");
        Path file = Files.writeString(configs.resolve("run.yaml"), """
                data:
                  dir: ../shared/fm
                  cache: /var/cache/fm
                  scenario: maps/duel.json
                runs: out
                """);
        assertFalse(WORKING_DIRECTORY.startsWith(dir), "the test must run outside the configuration's folder");
        Run run = Config.load(Run.class, file, List.of());
        assertEquals(dir.resolve("shared/fm"), run.data().dir());
        assertEquals(Optional.of(Path.of("/var/cache/fm")), run.data().cache(), "an absolute path stays");
        assertEquals(NameOrPath.ofPath(scenario), run.data().scenario());
        assertTrue(Files.isRegularFile(run.data().scenario().path()), "the sibling file is found");
        assertEquals(configs.resolve("out"), run.runs());
    }

    @Test
    void overridesAndDefaultsResolveAgainstTheWorkingDirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("run.yaml"), "data:\n  dir: fm\n");
        Run run = Config.load(Run.class, file, List.of("data.cache=cache/fm", "data.scenario=duel.json"));
        assertEquals(dir.resolve("fm"), run.data().dir());
        assertEquals(Optional.of(WORKING_DIRECTORY.resolve("cache/fm")), run.data().cache());
        assertEquals(NameOrPath.ofPath(WORKING_DIRECTORY.resolve("duel.json")), run.data().scenario());
        assertEquals(WORKING_DIRECTORY.resolve("runs"), run.runs(), "a default has no file to be relative to");
        assertEquals(WORKING_DIRECTORY.resolve("data"), Config.load(Run.class, List.of()).data().dir());
        assertEquals(dir.resolve("x"), Config.load(Run.class, List.of("runs=" + dir.resolve("x"))).runs());
    }

    @Test
    void propertiesFilesResolveAgainstTheirFolderToo() throws IOException {
        Path file = Files.writeString(dir.resolve("run.properties"), "data.dir = fm\nruns = ../out\n");
        Run run = Config.load(Run.class, file, List.of());
        assertEquals(dir.resolve("fm"), run.data().dir());
        assertEquals(dir.getParent().resolve("out"), run.runs());
    }

    @Test
    void aNameStaysANameAndTextThatLooksLikeAFileIsAPath() {
        assertEquals(NameOrPath.ofName("3s_vs_5z"), Config.load(Run.class, List.of("data.scenario=3s_vs_5z")).data().scenario());
        assertEquals(NameOrPath.ofPath(WORKING_DIRECTORY.resolve("maps/x")),
                Config.load(Run.class, List.of("data.scenario=maps/x")).data().scenario());
        assertThrows(IllegalArgumentException.class, () -> NameOrPath.ofName("duel.json"));
        ConfigException blank = assertThrows(ConfigException.class, () -> Config.load(Run.class, List.of("data.scenario=''")));
        assertEquals("data.scenario (override 'data.scenario='''): expected a name or a path, got ''", blank.getMessage());
    }

    /** A run's config.yaml holds absolute paths, so resume and eval read the same files from any folder. */
    @Test
    void writtenConfigurationHoldsAbsolutePathsAndReadsBackUnchanged() throws IOException {
        Path file = Files.writeString(dir.resolve("run.yaml"), "data:\n  dir: fm\n  scenario: maps/duel.json\n");
        Run run = Config.load(Run.class, file, List.of());
        String yaml = Config.toYaml(run);
        assertTrue(yaml.contains(dir.resolve("fm").toString()) && yaml.contains(dir.resolve("maps/duel.json").toString()), yaml);
        assertEquals(run, Config.fromYaml(Run.class, yaml, "config.yaml"));
    }
}

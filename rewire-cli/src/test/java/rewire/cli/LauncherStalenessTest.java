package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./rewire} launcher's staleness check ({@code scripts/stale.sh}) on a temporary tree:
 * only a main source or a pom newer than the last build's class-path file asks for a rebuild, so
 * that tests, generated benchmark sources and run folders do not rebuild the CLI on every call.
 */
class LauncherStalenessTest {
    private static final Path SCRIPT = Path.of("../scripts/stale.sh").toAbsolutePath().normalize();
    private static final FileTime BUILT = FileTime.fromMillis(2_000_000_000_000L);
    private static final FileTime BEFORE = FileTime.fromMillis(BUILT.toMillis() - 60_000);
    private static final FileTime AFTER = FileTime.fromMillis(BUILT.toMillis() + 60_000);
    private static final List<String> FILES = List.of("pom.xml", "mod/pom.xml", "mod/src/main/java/a/A.java",
            "mod/src/main/resources/a.properties", "mod/src/test/java/a/ATest.java",
            "mod/target/generated-sources/annotations/src/main/java/Gen.java", "mod/target/classes/a/A.class",
            "runs/run-1/src/main/run.json", ".git/src/main/HEAD");

    @TempDir
    Path root;

    private Path stamp;

    @BeforeEach
    void builtTree() throws IOException {
        for (String file : FILES) {
            Path p = root.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, file);
            Files.setLastModifiedTime(p, BEFORE);
        }
        stamp = root.resolve("mod/target/classpath.txt");
        Files.writeString(stamp, "a.jar");
        Files.setLastModifiedTime(stamp, BUILT);
    }

    @Test
    void aTreeWithoutABuildIsStaleAndAFreshBuildIsNot() throws Exception {
        assertEquals("", staleness(), "nothing changed since the build");
        Files.delete(stamp);
        assertEquals("first use", staleness());
    }

    @Test
    void aNewerMainSourceOrPomIsStale() throws Exception {
        for (String file : List.of("pom.xml", "mod/pom.xml", "mod/src/main/java/a/A.java",
                "mod/src/main/resources/a.properties")) {
            Files.setLastModifiedTime(root.resolve(file), AFTER);
            assertEquals("sources changed", staleness(), file + " changed after the build");
            Files.setLastModifiedTime(root.resolve(file), BEFORE);
        }
    }

    @Test
    void aNewerTestGeneratedFileRunOrGitFileIsNotStale() throws Exception {
        for (String file : List.of("mod/src/test/java/a/ATest.java",
                "mod/target/generated-sources/annotations/src/main/java/Gen.java", "mod/target/classes/a/A.class",
                "runs/run-1/src/main/run.json", ".git/src/main/HEAD")) {
            Files.setLastModifiedTime(root.resolve(file), AFTER);
            assertEquals("", staleness(), file + " changed after the build");
            Files.setLastModifiedTime(root.resolve(file), BEFORE);
        }
    }

    // what rewire_build_stale prints for the temporary tree
    private String staleness() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", ". \"$1\" && rewire_build_stale \"$2\" \"$3\"", "test",
                SCRIPT.toString(), root.toString(), stamp.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("bash " + SCRIPT + " failed: " + out);
        }
        return out;
    }
}

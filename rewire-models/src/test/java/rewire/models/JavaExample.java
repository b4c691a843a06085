package rewire.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A Java program of examples/java that a document shows: checked to be in the document word for
 * word, compiled against the library and run, so that it never goes stale.
 *
 * @param program the source file, such as {@code ../examples/java/QuickStart.java}
 */
public record JavaExample(Path program) {

    /** Asserts that {@code document} contains the program verbatim. */
    public void assertShownIn(Path document) throws Exception {
        assertTrue(Files.readString(document).contains(Files.readString(program).strip()),
                document + " must contain " + program + " verbatim");
    }

    /** Compiles the program into {@code dir}, runs its main with {@code args} and returns what it printed. */
    public String run(Path dir, String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = loader(dir)) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass(className()).getMethod("main", String[].class).invoke(null, (Object) args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * Compiles the program into {@code dir} and loads its class, for tests that use the documented
     * code itself; the class stays loadable while the returned loader is open.
     */
    public URLClassLoader loader(Path dir) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK with javac");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                program.toString());
        assertEquals(0, status, program + " does not compile");
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaExample.class.getClassLoader());
    }

    /** The program's class name: its file name. */
    public String className() {
        return program.getFileName().toString().replace(".java", "");
    }
}

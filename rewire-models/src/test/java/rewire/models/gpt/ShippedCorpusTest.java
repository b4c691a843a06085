package rewire.models.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rewire.config.Config;
import rewire.kernel.Kernels;

/**
 * The GPT examples run from a clone: the Shakespeare they train on ships in
 * examples/data/tinyshakespeare.txt, unaltered (the size and digest its README states), every GPT
 * example names it relative to its own folder, and a run that names no text says how to name one.
 */
class ShippedCorpusTest {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final Path CORPUS = EXAMPLES.resolve("data/tinyshakespeare.txt");

    @Test
    void theCorpusIsTheTextItsReadmeDescribesByteForByte() throws Exception {
        byte[] bytes = Files.readAllBytes(CORPUS);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String readme = Files.readString(EXAMPLES.resolve("data/README.md"));
        assertEquals(1_115_394, bytes.length);
        assertTrue(readme.contains(digest), "examples/data/README.md must state the SHA-256 " + digest);
        assertTrue(readme.contains("public domain"), "examples/data/README.md must say the text is public domain");
    }

    @Test
    void everyGptExampleTrainsOnTheShippedCorpusNamedBesideIt() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(f -> f.getFileName().toString().startsWith("gpt-")).sorted().toList();
        }
        assertEquals(3, examples.size(), "examples/gpt-*.yaml: " + examples);
        for (Path example : examples) {
            GptConfig config = Config.load(GptConfig.class, example, List.of());
            Path text = example.getParent().resolve(config.data().textFile());
            assertTrue(Files.isRegularFile(text), example + ": data.text " + text + " is not a file");
            assertTrue(Files.isSameFile(CORPUS, text), example + ": data.text " + text + " is not the shipped corpus");
        }
    }

    @Test
    void aRunThatNamesNoTextSaysHowToNameOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GptRuns.spec(GptConfig.defaults(), Kernels.defaults()));
        assertTrue(e.getMessage().startsWith("data.text is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("examples/data/tinyshakespeare.txt"), e.getMessage());
    }
}

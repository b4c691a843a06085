package rewire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README quotes no benchmark figure that a generated table does not hold: every decimal and
 * every ratio (26x, 4.00x) in the prose of its "Benchmarks" section (code spans, which hold commands
 * and options, left out) must occur, as the same number, in one of the documents the benchmark and
 * results scripts write (docs/benchmarks*.md, docs/results*.md).
 * After the tables are regenerated, a README line still quoting the old run fails here.
 */
class ReadmeFiguresTest {
    // a ratio such as 26x or 4.00x (not a shape such as 1000x1000), or a decimal such as 0.558
    private static final Pattern FIGURE =
            Pattern.compile("(?<![\\w.-])(?:\\d+(?:\\.\\d+)?x(?!\\w)|\\d+\\.\\d+(?![\\d.]))");

    private static final Path ROOT =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("..").normalize();

    /** The figures of {@code text}, outside its code spans, that {@code tables} does not hold as the same number. */
    static List<String> unheld(String text, String tables) {
        Matcher m = FIGURE.matcher(text.replaceAll("`[^`]*`", "`code`"));
        return m.results().map(MatchResult::group).distinct()
                .filter(f -> !Pattern.compile("(?<![\\d.])" + Pattern.quote(f) + "(?![\\d])").matcher(tables).find())
                .toList();
    }

    // the README's section under `heading`, up to the next heading of the same level
    static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "the README has no section '" + heading + "'");
        int end = markdown.indexOf("\n## ", start + heading.length() + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    @Test
    void everyBenchmarkFigureOfTheReadmeIsInAGeneratedTable() throws IOException {
        String benchmarks = section(Files.readString(ROOT.resolve("README.md")), "## Benchmarks");
        String tables;
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            tables = docs.filter(p -> p.getFileName().toString().matches("(benchmarks|results).*\\.md"))
                    .sorted().map(ReadmeFiguresTest::read).collect(Collectors.joining("\n"));
        }
        assertEquals(List.of(), unheld(benchmarks, tables),
                "README figures that no docs/benchmarks*.md or docs/results*.md holds (quote the regenerated tables)");
    }

    @Test
    void aRoundedOrStaleFigureIsNotHeld() {
        String tables = "| Rewire RigL 1% >= 25x faster | 26.323 x faster | met |\n| peak RSS | 0.472 of PyTorch's |\n"
                + "| 1% | 34.7x | crossover at 38.9% |";
        assertEquals(List.of(), unheld("26.323 x faster, 0.472 of it, 34.7x at 1%, 38.9%, 1000x1000, 25x, "
                + "`--densities 1,0.1\n --threads 1`", tables));
        assertEquals(List.of("26x", "0.47", "6.5x"), unheld("RigL 1% 26x faster, 0.47 of PyTorch's, 6.5x at 10%",
                tables));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package rewire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rewire.tensor.RandomCases.anyDouble;
import static rewire.tensor.RandomCases.forEachSeed;
import static rewire.tensor.RandomCases.intBetween;
import static rewire.tensor.RandomCases.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rewire.tensor.Rng;

class ConfigTest {
    /** Texts that YAML would read as something else if written plain: literals, numbers, syntax. */
    private static final List<String> LOOKALIKES = List.of("", "null", "~", "true", "No", "OFF", "123", "-1.5e3",
            ".inf", "NaN", "0x1F", "- x", "-", "[y]", "{}", "a: b", "c:", "#", "d #e", "'s'", "\"q\"", " lead",
            "trail ", "\\", "&anchor", "*alias", "!tag", "|", ">", "%", "@", "`", "?", ",");


    enum Kind { SGD, ADAM, NESTEROV_MOMENTUM }

    record Optim(Kind kind, double lr, float momentum, List<Double> betas) {
        static Optim defaults() {
            return new Optim(Kind.SGD, 0.01, 0.9f, List.of(0.9, 0.999));
        }
    }

    record Layer(int size, Optional<Double> density) {
        static Layer defaults() {
            return new Layer(100, Optional.empty());
        }
    }

    record Run(String name, long seed, int epochs, boolean shuffle, Optim optim, List<Layer> layers,
            List<String> tags, Optional<Path> data, String note) {
        Run {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
        }

        static Run defaults() {
            return new Run("mlp", 1, 10, true, new Optim(Kind.ADAM, 0.001, 0f, List.of(0.9, 0.999)),
                    List.of(new Layer(300, Optional.of(0.1))), List.of(), Optional.empty(), null);
        }
    }

    /** A record without defaults(): every key but the Optional one is required. */
    record Strict(int a, Optional<String> b) {
    }

    @TempDir
    Path dir;

    @Test
    void defaultsAloneAndNestedDefaultsComeFromTheEnclosingRecord() {
        assertEquals(Run.defaults(), Config.load(Run.class, List.of()));
        Run run = Config.fromYaml(Run.class, "optim:\n  lr: 0.5\n", "r.yaml");
        assertEquals(new Optim(Kind.ADAM, 0.5, 0f, List.of(0.9, 0.999)), run.optim(),
                "unset optim keys keep Run.defaults().optim(), not Optim.defaults()");
    }

    @Test
    void fileThenOverrides() throws IOException {
        Path file = Files.writeString(dir.resolve("run.yaml"), """
                name: wide
                seed: 7
                optim:
                  kind: nesterov-momentum   # enum names ignore case and '-'
                  lr: 1e-2
                layers:
                  - size: 1000
                    density: 0.05
                  - size: 10
                tags: [a, b]
                """);
        Run run = Config.load(Run.class, file, List.of("optim.lr=0.05", "seed=8", "optim.betas=[0.5, 0.6]",
                "data=/tmp/fm", "note=\"hello # there\""));
        assertEquals("wide", run.name());
        assertEquals(8, run.seed());
        assertEquals(new Optim(Kind.NESTEROV_MOMENTUM, 0.05, 0f, List.of(0.5, 0.6)), run.optim());
        assertEquals(List.of(new Layer(1000, Optional.of(0.05)), new Layer(10, Optional.empty())), run.layers());
        assertEquals(List.of("a", "b"), run.tags());
        assertEquals(Optional.of(Path.of("/tmp/fm")), run.data());
        assertEquals("hello # there", run.note());
        assertEquals(10, run.epochs());
    }

    @Test
    void yaml12StylesBindToRecords() {
        Run run = Config.fromYaml(Run.class, """
                name: &n wide   # an anchor on a scalar
                note: *n
                optim: {kind: adam, lr: 0.5, betas: [0.8, 0.9]}
                layers:
                  - {size: 10, density: 0.5}
                  - size: 20
                tags:
                  - 'a # b'
                  - "c\\td"
                  - >
                    folded
                    text
                """, "r.yaml");
        assertEquals("wide", run.name());
        assertEquals("wide", run.note());
        assertEquals(new Optim(Kind.ADAM, 0.5, 0f, List.of(0.8, 0.9)), run.optim());
        assertEquals(List.of(new Layer(10, Optional.of(0.5)), new Layer(20, Optional.empty())), run.layers());
        assertEquals(List.of("a # b", "c\td", "folded text\n"), run.tags());
        assertEquals("line one\nline two\n", Config.fromYaml(Run.class, "note: |\n  line one\n  line two\n", "r.yaml").note());
    }

    @Test
    void aFileWithoutSettingsIsAnErrorThatSaysHowToUseTheDefaults() throws IOException {
        for (String name : List.of("empty.yaml", "comments.yml", "comments.properties")) {
            Path file = Files.writeString(dir.resolve(name), name.startsWith("comments") ? "# nothing yet\n\n" : "");
            ConfigException e = assertThrows(ConfigException.class, () -> Config.load(Run.class, file, List.of()));
            assertEquals(file + ": no settings (the file is empty or holds only comments); to train with the defaults,"
                    + " give no configuration file (rewire train with no arguments)", e.getMessage());
        }
        Path braces = Files.writeString(dir.resolve("braces.yaml"), "{}  # the defaults, on purpose\n");
        assertEquals(Run.defaults(), Config.load(Run.class, braces, List.of()));
    }

    @Test
    void errorsInAFileNameTheFileLineAndColumn() throws IOException {
        Path syntax = Files.writeString(dir.resolve("syntax.yaml"), "seed: 1\noptim:\n  betas: [0.1, 0.2\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(Run.class, syntax, List.of()));
        assertEquals(syntax + ":4:1: expected ',' or ']', but got <stream end> (while parsing a flow sequence at "
                + syntax + ":3:10)", e.getMessage());
        Path type = Files.writeString(dir.resolve("type.yaml"), "seed: 1\noptim:\n  lr: fast\n");
        e = assertThrows(ConfigException.class, () -> Config.load(Run.class, type, List.of()));
        assertEquals("optim.lr (" + type + ":3:3): expected a number (double), got 'fast'", e.getMessage());
    }

    @Test
    void overrideToNullEmptiesAnOptional() {
        Run run = Config.load(Run.class, List.of("data=/x", "data="));
        assertEquals(Optional.empty(), run.data());
    }

    @Test
    void propertiesFile() throws IOException {
        Path file = Files.writeString(dir.resolve("run.properties"), """
                # comment
                optim.lr = 0.2
                optim.kind = sgd
                tags = [x, "y z"]
                shuffle = false
                """);
        Run run = Config.load(Run.class, file, List.of());
        assertEquals(0.2, run.optim().lr());
        assertEquals(Kind.SGD, run.optim().kind());
        assertEquals(List.of("x", "y z"), run.tags());
        assertEquals(false, run.shuffle());
    }

    @Test
    void typeErrorsNameKeyValueExpectedTypeAndLine() {
        assertError("seed: 1\noptim:\n  lr: fast\n", "optim.lr (r.yaml:3:3): expected a number (double), got 'fast'");
        assertError("epochs: 2.5\n", "epochs (r.yaml:1:1): expected an integer (int), got '2.5'");
        assertError("epochs: 3000000000\n", "epochs (r.yaml:1:1): expected an integer (int), got '3000000000', which is out of range");
        assertError("shuffle: yes\n", "shuffle (r.yaml:1:1): expected true or false, got 'yes'");
        assertError("optim:\n  kind: adma\n", "optim.kind (r.yaml:2:3): expected one of [sgd, adam, nesterov_momentum], got 'adma'; did you mean 'adam'?");
        assertError("tags: a\n", "tags (r.yaml:1:1): expected a list, got 'a'");
        assertError("optim: 3\n", "optim (r.yaml:1:1): expected a mapping with the keys of Optim, got '3'");
        assertError("seed: null\n", "seed (r.yaml:1:1): expected an integer (long), got null");
        assertError("layers:\n  - size: big\n", "layers[0].size (r.yaml:2:5): expected an integer (int), got 'big'");
        assertError("optim:\n  momentum: 1e39\n", "optim.momentum (r.yaml:2:3): expected a number (float), got '1e39', which is out of range");
        ConfigException override = assertThrows(ConfigException.class, () -> Config.load(Run.class, List.of("optim.lr=x")));
        assertEquals("optim.lr (override 'optim.lr=x'): expected a number (double), got 'x'", override.getMessage());
    }

    @Test
    void unknownKeysSuggestTheNearestValidKey() {
        assertError("optim:\n  lrr: 0.1\n", "unknown key 'optim.lrr' (r.yaml:2:3); did you mean 'optim.lr'?");
        assertError("lr: 0.1\n", "unknown key 'lr' (r.yaml:1:1); did you mean 'optim.lr'?");
        assertError("sed: 1\n", "unknown key 'sed' (r.yaml:1:1); did you mean 'seed'?");
        assertError("layers:\n  - sise: 3\n", "unknown key 'layers[0].sise' (r.yaml:2:5); did you mean 'layers[0].size'?");
        assertError("optim:\n  zzzzzz: 1\n", "unknown key 'optim.zzzzzz' (r.yaml:2:3); valid keys under optim: kind, lr, momentum, betas");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(Run.class, List.of("optim.momentun=0.5")));
        assertEquals("unknown key 'optim.momentun' (override 'optim.momentun=0.5'); did you mean 'optim.momentum'?", e.getMessage());
    }

    @Test
    void validationAndMissingKeys() {
        assertError("epochs: 0\n", "invalid Run (r.yaml:1:1): epochs must be at least 1, got 0");
        ConfigException missing = assertThrows(ConfigException.class, () -> Config.fromYaml(Strict.class, "b: x\n", "s.yaml"));
        assertTrue(missing.getMessage().startsWith("missing key 'a' (s.yaml:1:1)"), missing.getMessage());
        assertEquals(new Strict(3, Optional.empty()), Config.fromYaml(Strict.class, "a: 3\n", "s.yaml"));
    }

    @Test
    void overrideSyntaxErrors() {
        assertThrows(ConfigException.class, () -> Config.load(Run.class, List.of("no-equals-sign")));
        ConfigException notText = assertThrows(ConfigException.class, () -> Config.load(Run.class, List.of("name.x=1")));
        assertEquals("name (override 'name.x=1'): expected a string, got a mapping", notText.getMessage());
        ConfigException through = assertThrows(ConfigException.class,
                () -> Config.load(Run.class, List.of("name=a", "name.x=1")));
        assertEquals("override 'name.x=1': 'name' holds 'a' (override 'name=a'), not a mapping", through.getMessage());
        assertThrows(ConfigException.class, () -> Config.load(Run.class, List.of("a..b=1")));
    }

    @Test
    void roundTripThroughYaml() {
        Run run = new Run("a: b # c", -5, 3, false, new Optim(Kind.NESTEROV_MOMENTUM, 1e-300, 0.1f, List.of()),
                List.of(new Layer(1, Optional.empty()), new Layer(2, Optional.of(Double.NaN))),
                List.of("", "true", "123", "null", "- x", "[y]", "it's", "tab\there", "\"q\""),
                Optional.of(Path.of("/data/fashion mnist")), null);
        String yaml = Config.toYaml(run);
        assertEquals(run, Config.fromYaml(Run.class, yaml, "written"), yaml);
    }

    /**
     * Any name, note and tags, and any learning rate, survive writing and reading back. Sizes are
     * skewed towards small (as a property library's are) to keep 300 cases fast: a name of up to
     * 255 code points and up to 255 tags of up to 32 code points each. Text is Unicode: a YAML file
     * cannot hold an unpaired surrogate (see {@link #textThatIsNotUnicodeIsRefused}).
     */
    @Test
    void anyStringSurvivesTheRoundTrip() {
        forEachSeed(50, 300, rng -> {
            String name = someText(rng, 255);
            List<String> tags = new ArrayList<>();
            for (int i = skewedUpTo(rng, 255); i > 0; i--) {
                tags.add(someText(rng, 32));
            }
            Run run = new Run(name, 1, 1, true, new Optim(Kind.SGD, anyDouble(rng), 0f, List.of()), List.of(), tags,
                    Optional.empty(), name.isEmpty() ? null : name);
            String yaml = Config.toYaml(run);
            assertEquals(run, Config.fromYaml(Run.class, yaml, "written"), yaml);
        });
    }

    /**
     * Random Unicode text of up to {@code max} code points, or (one time in four) a YAML
     * look-alike, maybe padded; an unpaired surrogate of the generator becomes U+FFFD.
     */
    private static String someText(Rng rng, int max) {
        if (rng.nextInt(4) > 0) {
            return unicode(text(rng, skewedUpTo(rng, max)));
        }
        String word = LOOKALIKES.get(rng.nextInt(LOOKALIKES.size()));
        return rng.nextInt(2) == 0 ? word : unicode(text(rng, 3) + word + text(rng, 3));
    }

    private static String unicode(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().map(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    @Test
    void textThatIsNotUnicodeIsRefused() {
        for (String name : List.of("a\ud800", "\ud800x", "\udc00", "x\udfff\ud800y")) {
            Run run = new Run(name, 1, 1, true, Optim.defaults(), List.of(), List.of(), Optional.empty(), null);
            ConfigException e = assertThrows(ConfigException.class, () -> Config.toYaml(run));
            assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
        }
    }

    /** Characters SnakeYAML writes in a form it reads back differently, unless quoted: next line (U+0085). */
    @Test
    void nextLineSurvivesTheRoundTrip() {
        Run run = new Run("\u0085", 1, 1, true, Optim.defaults(), List.of(), List.of(" \u0085", "a \u0085", "\u0085#"),
                Optional.empty(), "x\u0085y");
        assertEquals(run, Config.fromYaml(Run.class, Config.toYaml(run), "written"));
    }

    /** A non-ASCII space before '#' (the parser starts a comment there) makes the writer quote. */
    @Test
    void unicodeSpaceBeforeHashSurvivesTheRoundTrip() {
        Run run = new Run("a\u2029#b", 1, 1, true, Optim.defaults(), List.of(), List.of("c\u2028#d", "e\u3000#"),
                Optional.empty(), "a\u2029#b");
        assertEquals(run, Config.fromYaml(Run.class, Config.toYaml(run), "written"));
    }

    /** A size in {@code [0, max]} whose chances fall from 0 to max (the mean is max / 4). */
    private static int skewedUpTo(Rng rng, int max) {
        return intBetween(rng, 0, intBetween(rng, 0, max));
    }

    private static void assertError(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.fromYaml(Run.class, yaml, "r.yaml"), yaml);
        assertEquals(expected, e.getMessage());
    }
}

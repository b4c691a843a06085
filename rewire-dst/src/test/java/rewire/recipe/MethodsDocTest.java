package rewire.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/methods.md shows the option and part tables the registries give. After changing a recipe's
 * options or a part, regenerate the tables with {@code ./mvnw -pl rewire-dst -am test
 * -Dtest=MethodsDocTest -Dsurefire.failIfNoSpecifiedTests=false -Drewire.regenerateDocs=true}.
 */
class MethodsDocTest {
    private static final Path DOC = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("..")
            .normalize().resolve("docs/methods.md");

    @Test
    void theCommittedTablesAreWhatTheRegistriesGive() throws IOException {
        String committed = Files.readString(DOC);
        String rendered = MethodsDoc.render(committed, Recipes.standard());
        if (Boolean.getBoolean("rewire.regenerateDocs")) {
            Files.writeString(DOC, rendered);
        }
        for (String name : Recipes.standard().names()) {
            assertTrue(committed.contains("<!-- generated: options " + name + " -->"), name + "'s table is missing");
        }
        assertTrue(committed.contains("<!-- generated: parts -->"), "the parts tables are missing");
        assertEquals(rendered, committed, "docs/methods.md's tables differ from the registries; regenerate them "
                + "(see MethodsDocTest)");
    }

    @Test
    void aTableThatNoLongerMatchesIsReplaced() {
        String stale = "prose\n<!-- generated: options nm-srste -->\n| old |\n<!-- end generated -->\nmore prose\n";
        String rendered = MethodsDoc.render(stale, Recipes.standard());
        assertTrue(rendered.startsWith("prose\n<!-- generated: options nm-srste -->\n| option |"), rendered);
        assertTrue(rendered.contains("| `lambda` | `0.0002` | verified |"), rendered);
        assertTrue(rendered.endsWith("<!-- end generated -->\nmore prose\n"), rendered);
    }
}

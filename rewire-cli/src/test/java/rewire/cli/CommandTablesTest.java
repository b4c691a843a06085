package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.recipe.RecipeOption;
import rewire.train.SparsitySettings;

/** The tables {@code rewire recipes} and {@code rewire info} print are padded to their longest cell. */
class CommandTablesTest {
    private final CliRun cli = new CliRun();

    @Test
    void recipeOptionDefaultsStartTwoSpacesAfterTheLongestOptionKey() {
        assertEquals(0, cli.run("recipes"));
        var registry = SparsitySettings.registry();
        int longest = registry.names().stream().flatMap(n -> registry.spec(n).options().stream())
                .mapToInt(o -> o.key().length()).max().orElseThrow();
        for (String recipe : registry.names()) {
            for (RecipeOption o : registry.spec(recipe).options()) {
                String start = "    " + o.key() + " ".repeat(longest - o.key().length() + 2) + o.defaultValue() + " ";
                assertTrue(cli.out().lines().anyMatch(l -> l.startsWith(start)), "no line starts with '" + start
                        + "' in\n" + cli.out());
            }
        }
    }

    @Test
    void infoSelfChecksStartTheirResultsTwoSpacesAfterTheLongestOperation() {
        assertEquals(0, cli.run("info", "--no-probe"), cli.err());
        List<String> checks = cli.out().lines().filter(l -> l.startsWith("Self-check")).toList();
        assertTrue(checks.size() >= 2, cli.out());
        List<Integer> columns = checks.stream().map(l -> l.indexOf(" ok (") + 1).toList();
        assertTrue(columns.stream().allMatch(c -> c.equals(columns.get(0))), "results in one column:\n" + checks);
        int column = columns.get(0);
        assertTrue(checks.stream().anyMatch(l -> l.charAt(column - 3) != ' '),
                "the longest operation ends two spaces before the results:\n" + checks);
        int valueColumn = "Vector width".length() + 2;
        assertTrue(cli.out().lines().allMatch(l -> l.charAt(valueColumn - 1) == ' ' && l.charAt(valueColumn) != ' '),
                "values two spaces after the longest key:\n" + cli.out());
    }
}

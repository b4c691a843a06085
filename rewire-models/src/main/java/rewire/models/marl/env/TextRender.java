package rewire.models.marl.env;

import java.util.List;
import java.util.Locale;

/**
 * A text picture of one frame for debugging and run reports: the map as a grid of one character
 * per cell with north at the top, allies in upper case and enemies in lower case (the type's
 * letter; {@code *} where several units share a cell; dead units are not drawn), then one line
 * per unit with its position, health and shield.
 */
public final class TextRender {
    private TextRender() {
    }

    /** The frame of {@code units} on {@code scenario}'s map after {@code step} steps. */
    public static String render(Scenario scenario, int step, List<UnitView> units) {
        int cols = (int) Math.ceil(scenario.width());
        int rows = (int) Math.ceil(scenario.height());
        char[][] grid = new char[rows][cols];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, '.');
        }
        for (UnitView u : units) {
            if (u.alive()) {
                int c = Math.min(cols - 1, (int) u.x());
                int r = rows - 1 - Math.min(rows - 1, (int) u.y());
                char letter = u.ally() ? Character.toUpperCase(u.letter()) : Character.toLowerCase(u.letter());
                grid[r][c] = grid[r][c] == '.' ? letter : '*';
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(scenario.name()).append("  step ").append(step).append('\n');
        for (char[] row : grid) {
            out.append(row).append('\n');
        }
        for (UnitView u : units) {
            out.append(String.format(Locale.ROOT, "%s%-2d %-9s (%5.1f,%5.1f) hp %6.1f sh %5.1f%s%n",
                    u.ally() ? "A" : "E", u.index(), u.type(), u.x(), u.y(), u.health(), u.shield(),
                    u.alive() ? "" : "  dead"));
        }
        return out.toString();
    }
}

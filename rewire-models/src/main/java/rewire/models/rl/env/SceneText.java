package rewire.models.rl.env;

import java.util.Arrays;

/**
 * Draws a {@link Scene} as lines of characters: the window mapped onto a grid of
 * {@code columns x rows} cells (row 0 at the top), segments sampled densely enough to leave no gap,
 * dots as their glyph, empty cells as spaces; the caption follows on a line of its own.
 */
public final class SceneText {
    private final int columns;
    private final int rows;

    public SceneText(int columns, int rows) {
        if (columns < 2 || rows < 2) {
            throw new IllegalArgumentException("a text scene needs at least 2 x 2 cells, got " + columns + " x " + rows);
        }
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * A grid {@code columns} wide with as many rows as keep {@code scene}'s window in proportion,
     * for characters about twice as tall as they are wide.
     */
    public static SceneText fitting(Scene scene, int columns) {
        double aspect = (scene.yMax() - scene.yMin()) / (scene.xMax() - scene.xMin());
        return new SceneText(columns, Math.max(2, (int) Math.round(columns * aspect / 2)));
    }

    /** The grid's lines, then the caption. */
    public String render(Scene scene) {
        char[][] grid = new char[rows][columns];
        for (char[] row : grid) {
            Arrays.fill(row, ' ');
        }
        for (Scene.Mark m : scene.marks()) {
            switch (m) {
                case Scene.Segment s -> segment(grid, scene, s);
                case Scene.Dot d -> put(grid, scene, d.x(), d.y(), d.glyph());
            }
        }
        StringBuilder out = new StringBuilder();
        for (char[] row : grid) {
            out.append(new String(row).stripTrailing()).append('\n');
        }
        return out.append(scene.caption()).append('\n').toString();
    }

    private void segment(char[][] grid, Scene scene, Scene.Segment s) {
        double cellsAcross = Math.abs(s.x2() - s.x1()) / (scene.xMax() - scene.xMin()) * columns;
        double cellsUp = Math.abs(s.y2() - s.y1()) / (scene.yMax() - scene.yMin()) * rows;
        int samples = 2 * (int) Math.ceil(Math.max(cellsAcross, cellsUp)) + 1;
        for (int k = 0; k <= samples; k++) {
            double f = (double) k / samples;
            put(grid, scene, s.x1() + f * (s.x2() - s.x1()), s.y1() + f * (s.y2() - s.y1()), s.glyph());
        }
    }

    // the cell of world point (x, y); points outside the window are not drawn
    private void put(char[][] grid, Scene scene, double x, double y, char glyph) {
        int c = (int) Math.floor((x - scene.xMin()) / (scene.xMax() - scene.xMin()) * columns);
        int r = rows - 1 - (int) Math.floor((y - scene.yMin()) / (scene.yMax() - scene.yMin()) * rows);
        if (x == scene.xMax()) {
            c = columns - 1;
        }
        if (y == scene.yMax()) {
            r = 0;
        }
        if (c >= 0 && c < columns && r >= 0 && r < rows) {
            grid[r][c] = glyph;
        }
    }
}

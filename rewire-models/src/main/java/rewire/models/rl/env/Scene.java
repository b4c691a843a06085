package rewire.models.rl.env;

import java.util.List;

/**
 * A drawing of one environment state in world coordinates: line segments and dots inside a
 * window, with a caption. One description serves every rendering: {@link SceneText} rasterizes it
 * into characters, an image renderer draws it with lines and circles.
 *
 * @param xMin    left edge of the window
 * @param xMax    right edge
 * @param yMin    bottom edge
 * @param yMax    top edge
 * @param marks   what to draw, in order (later marks cover earlier ones)
 * @param caption the state in numbers, such as "x=+0.12 θ=-3.1°"
 */
public record Scene(double xMin, double xMax, double yMin, double yMax, List<Mark> marks, String caption) {

    public Scene {
        marks = List.copyOf(marks);
        if (!(xMin < xMax && yMin < yMax)) {
            throw new IllegalArgumentException("scene window [" + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax
                    + "] is empty");
        }
    }

    /** Something drawn: a segment or a dot, with the character that draws it in text. */
    public sealed interface Mark {
        char glyph();
    }

    /** A line from {@code (x1, y1)} to {@code (x2, y2)}. */
    public record Segment(double x1, double y1, double x2, double y2, char glyph) implements Mark {
    }

    /** A point (a joint, a target, a car) of radius {@code radius} in world units. */
    public record Dot(double x, double y, double radius, char glyph) implements Mark {
    }
}

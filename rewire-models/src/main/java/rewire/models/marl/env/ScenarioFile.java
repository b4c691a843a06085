package rewire.models.marl.env;

import static rewire.io.FieldChecks.atLeast;
import static rewire.io.FieldChecks.nonBlank;
import static rewire.io.FieldChecks.orDefault;
import static rewire.io.FieldChecks.required;

import java.util.List;
import rewire.io.InvalidFieldException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A scenario file as written (see {@link Scenario} for the format), read by Jackson; each record
 * checks its own fields, so an error names the file and the field's path. What needs more than one
 * record (unit types, the map's bounds) is checked where the scenario is built.
 *
 * @param episodeLimit agent steps before a timeout, at least 1
 * @param jitter       start coordinates move by up to this much; 0 when absent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ScenarioFile(String name, MapSize map, Integer episodeLimit, Double jitter, List<Group> allies,
                    List<Group> enemies) {

    ScenarioFile {
        nonBlank(name, "name");
        required(map, "map");
        atLeast(episodeLimit, 1, "episode_limit");
        jitter = orDefault(jitter, 0, 0, "jitter");
        requireUnits(allies, "allies");
        requireUnits(enemies, "enemies");
    }

    private static void requireUnits(List<Group> groups, String field) {
        if (required(groups, field).isEmpty()) {
            throw new InvalidFieldException(field, "needs at least one unit");
        }
    }

    /** The field's size in cells. */
    record MapSize(Double width, Double height) {
        MapSize {
            atLeast(width, 1, "width");
            atLeast(height, 1, "height");
        }
    }

    /**
     * {@code count} units of {@code type} in a column along y, {@code spacing} apart, centred on
     * (x, y); count and spacing are 1 when absent.
     */
    record Group(String type, Double x, Double y, Integer count, Double spacing) {
        Group {
            nonBlank(type, "type");
            atLeast(x, 0, "x");
            atLeast(y, 0, "y");
            count = count == null ? 1 : atLeast(count, 1, "count");
            spacing = orDefault(spacing, 0, 1, "spacing");
        }

        /** y of the first unit of the column. */
        double firstY() {
            return y - spacing * (count - 1) / 2;
        }

        /** y of the last unit of the column. */
        double lastY() {
            return firstY() + spacing * (count - 1);
        }
    }
}

package rewire.models.marl.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rewire.io.Json;

/**
 * One battle setup: map size, the allied (agent-controlled) and enemy units with their start
 * positions, the start jitter and the episode limit. Built-in scenarios mirror SMAC's maps and live
 * in {@code rewire/models/marl/scenarios/<name>.json}; users load their own with {@link #load}.
 *
 * <p>File format: {@code {"name", "map": {"width", "height"}, "episode_limit", "jitter" (optional,
 * default 0), "allies": [group...], "enemies": [group...]}} where a group is {@code {"type", "x",
 * "y", "count" (default 1), "spacing" (default 1)}}: {@code count} units in a column along y
 * centred on (x, y). Agents are numbered in file order (SMAC numbers them by unit type).
 *
 * @param name scenario name
 * @param width map width in cells (x in [0, width])
 * @param height map height in cells
 * @param episodeLimit agent steps before a timeout
 * @param jitter each start coordinate moves by a uniform offset in [-jitter, jitter]
 * @param allies the agents' units
 * @param enemies the built-in AI's units
 */
public record Scenario(String name, double width, double height, int episodeLimit, double jitter,
                       List<Placement> allies, List<Placement> enemies) {
    /**
     * Names of the bundled scenarios: SMAC's maps of the same names (unit lists and episode limits
     * as in SMAC; map geometry is this simulator's open 32 x 32 field, so terrain tricks such as
     * the cliffs of 2c_vs_64zg do not exist here). SMAC's corridor and 2s_vs_1sc need terrain or a
     * building and are not included.
     */
    public static final List<String> BUILTIN = List.of("3m", "8m", "2s3z", "3s5z", "3s_vs_5z", "MMM",
            "5m_vs_6m", "8m_vs_9m", "10m_vs_11m", "25m", "27m_vs_30m", "MMM2", "3s5z_vs_3s6z", "3s_vs_3z",
            "3s_vs_4z", "2m_vs_1z", "6h_vs_8z", "so_many_baneling", "bane_vs_bane", "2c_vs_64zg", "1c3s5z");

    public Scenario {
        allies = List.copyOf(allies);
        enemies = List.copyOf(enemies);
        if (allies.isEmpty() || enemies.isEmpty() || episodeLimit < 1 || width <= 0 || height <= 0 || jitter < 0) {
            throw new IllegalArgumentException("invalid scenario " + name + ": allies=" + allies.size() + " enemies="
                    + enemies.size() + " episodeLimit=" + episodeLimit + " map=" + width + "x" + height
                    + " jitter=" + jitter);
        }
    }

    /** One unit's type and start position. */
    public record Placement(UnitType type, double x, double y) {
    }

    /**
     * The bundled scenario {@code name}, one of {@link #BUILTIN}.
     *
     * @throws IllegalArgumentException listing the bundled names if there is no such scenario
     */
    public static Scenario builtin(String name) {
        String resource = "/rewire/models/marl/scenarios/" + name + ".json";
        try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in scenario '" + name + "' (built-in: " + BUILTIN + ")");
            }
            return parse(name + ".json", new String(in.readAllBytes(), StandardCharsets.UTF_8), UnitCatalog.standard());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario file of the user's, with the standard unit types. */
    public static Scenario load(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file), UnitCatalog.standard());
    }

    /**
     * A scenario from JSON text; {@code file} names it in error messages.
     *
     * @throws IllegalArgumentException naming the file and the field of the first problem
     */
    public static Scenario parse(String file, String json, UnitCatalog catalog) {
        ScenarioFile f = Json.read(json, ScenarioFile.class, file);
        return new Scenario(f.name(), f.map().width(), f.map().height(), f.episodeLimit(), f.jitter(),
                placements(f.allies(), "allies", f.map(), catalog, file),
                placements(f.enemies(), "enemies", f.map(), catalog, file));
    }

    private static List<Placement> placements(List<ScenarioFile.Group> groups, String key, ScenarioFile.MapSize map,
                                              UnitCatalog catalog, String file) {
        List<Placement> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            ScenarioFile.Group g = groups.get(i);
            String field = key + "[" + i + "]";
            if (!catalog.contains(g.type())) {
                throw Json.fieldError(file, field + ".type", "unknown unit type '" + g.type() + "' (known: "
                        + catalog.types().keySet() + ")");
            }
            if (g.x() > map.width()) {
                throw Json.fieldError(file, field + ".x", "outside the map (width " + map.width() + "): " + g.x());
            }
            if (g.firstY() < 0 || g.lastY() > map.height()) {
                throw Json.fieldError(file, field + ".y", "column of " + g.count() + " units around y=" + g.y()
                        + " leaves the map (height " + map.height() + ")");
            }
            for (int u = 0; u < g.count(); u++) {
                out.add(new Placement(catalog.type(g.type()), g.x(), g.firstY() + g.spacing() * u));
            }
        }
        return out;
    }
}

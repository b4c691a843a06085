package rewire.models.marl.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    private static final Set<String> TOP = Set.of("name", "map", "episode_limit", "jitter", "allies", "enemies");
    private static final Set<String> GROUP = Set.of("type", "x", "y", "count", "spacing");

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
        JsonFields root;
        try {
            root = JsonFields.root(file, Json.parse(json));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        root.rejectUnknown(TOP);
        JsonFields map = root.object("map");
        map.rejectUnknown(Set.of("width", "height"));
        double width = map.number("width", 1);
        double height = map.number("height", 1);
        List<Placement> allies = placements(root, "allies", catalog, width, height);
        List<Placement> enemies = placements(root, "enemies", catalog, width, height);
        return new Scenario(root.string("name"), width, height, root.integer("episode_limit", 1),
                root.number("jitter", 0, 0), allies, enemies);
    }

    private static List<Placement> placements(JsonFields root, String key, UnitCatalog catalog, double width,
                                              double height) {
        List<JsonFields> groups = root.objects(key);
        if (groups.isEmpty()) {
            throw root.error(key, "needs at least one unit");
        }
        List<Placement> out = new ArrayList<>();
        for (JsonFields g : groups) {
            g.rejectUnknown(GROUP);
            String typeName = g.string("type");
            if (!catalog.contains(typeName)) {
                throw g.error("type", "unknown unit type '" + typeName + "' (known: " + catalog.types().keySet() + ")");
            }
            int count = g.has("count") ? g.integer("count", 1) : 1;
            double spacing = g.number("spacing", 0, 1);
            double x = g.number("x", 0);
            double y = g.number("y", 0);
            double first = y - spacing * (count - 1) / 2;
            if (x > width) {
                throw g.error("x", "outside the map (width " + width + "): " + x);
            }
            if (first < 0 || first + spacing * (count - 1) > height) {
                throw g.error("y", "column of " + count + " units around y=" + y + " leaves the map (height "
                        + height + ")");
            }
            for (int i = 0; i < count; i++) {
                out.add(new Placement(catalog.type(typeName), x, first + spacing * i));
            }
        }
        return out;
    }
}

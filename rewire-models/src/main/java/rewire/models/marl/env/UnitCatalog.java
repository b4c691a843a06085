package rewire.models.marl.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import rewire.io.Json;

/**
 * The unit types a scenario may use, read from a JSON data file whose times and speeds are in
 * faster-seconds (Liquipedia's convention) and converted here to game loops ({@link GameTime}).
 * {@link #standard()} is the bundled {@code rewire/models/marl/units.json}, whose {@code source}
 * field cites where its numbers come from.
 */
public final class UnitCatalog {
    static final String STANDARD_RESOURCE = "/rewire/models/marl/units.json";
    private static final Set<String> TOP = Set.of("source", "time_unit", "shield_regen", "units");
    private static final Set<String> UNIT = Set.of("name", "letter", "health", "shield", "armor", "attributes",
            "radius", "speed", "sight", "air", "weapon", "heal", "energy");
    private static final Set<String> WEAPON = Set.of("damage", "attacks", "bonus", "range", "cooldown", "ground",
            "air", "splash_radius", "suicide", "line_splash");
    private static UnitCatalog standard;

    private final String source;
    private final Map<String, UnitType> types;

    private UnitCatalog(String source, Map<String, UnitType> types) {
        this.source = source;
        this.types = types;
    }

    /** The bundled StarCraft II unit statistics. */
    public static synchronized UnitCatalog standard() {
        if (standard == null) {
            try (InputStream in = UnitCatalog.class.getResourceAsStream(STANDARD_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + STANDARD_RESOURCE);
                }
                standard = parse("units.json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    /** A unit file of the user's (same format as the bundled one). */
    public static UnitCatalog load(java.nio.file.Path file) throws IOException {
        return parse(file.toString(), java.nio.file.Files.readString(file));
    }

    /**
     * A catalog from JSON text; {@code file} names the text in error messages.
     *
     * @throws IllegalArgumentException naming the file and the field of the first problem
     */
    public static UnitCatalog parse(String file, String json) {
        JsonFields root = JsonFields.root(file, Json.parse(json));
        root.rejectUnknown(TOP);
        JsonFields regen = root.object("shield_regen");
        UnitType.ShieldRegen shieldRegen = new UnitType.ShieldRegen(
                GameTime.perLoop(regen.number("per_second", 0)), GameTime.loops(regen.number("delay_seconds", 0)));
        Map<String, UnitType> types = new LinkedHashMap<>();
        for (JsonFields unit : root.objects("units")) {
            UnitType type = unitType(unit, shieldRegen);
            if (types.putIfAbsent(type.name(), type) != null) {
                throw unit.error("name", "duplicate unit type '" + type.name() + "'");
            }
        }
        return new UnitCatalog(root.string("source"), types);
    }

    private static UnitType unitType(JsonFields u, UnitType.ShieldRegen shieldRegen) {
        u.rejectUnknown(UNIT);
        String letter = u.string("letter");
        if (letter.length() != 1) {
            throw u.error("letter", "expected one character, got '" + letter + "'");
        }
        Set<Attribute> attributes = EnumSet.noneOf(Attribute.class);
        for (String a : u.strings("attributes")) {
            attributes.add(attribute(u, "attributes", a));
        }
        Weapon weapon = u.has("weapon") ? weapon(u.object("weapon")) : null;
        Heal heal = u.has("heal") ? heal(u.object("heal")) : null;
        UnitType.Energy energy = u.has("energy") ? energy(u.object("energy")) : UnitType.Energy.NONE;
        try {
            return new UnitType(u.string("name"), letter.charAt(0), u.number("health", 0), u.number("shield", 0),
                    u.number("armor", 0), attributes, u.number("radius", 0), GameTime.perLoop(u.number("speed", 0)),
                    u.number("sight", 0), u.bool("air", false), weapon, heal, energy, shieldRegen);
        } catch (IllegalArgumentException e) {
            throw u.error("name", e.getMessage());
        }
    }

    private static Attribute attribute(JsonFields where, String key, String name) {
        try {
            return Attribute.parse(name);
        } catch (IllegalArgumentException e) {
            throw where.error(key, "unknown attribute '" + name + "' (known: "
                    + java.util.Arrays.toString(Attribute.values()).toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    private static Weapon weapon(JsonFields w) {
        w.rejectUnknown(WEAPON);
        JsonFields bonusFields = w.object("bonus");
        Map<Attribute, Double> bonus = new EnumMap<>(Attribute.class);
        for (String key : bonusFields.keys()) {
            bonus.put(attribute(w, "bonus", key), bonusFields.number(key, 0));
        }
        boolean suicide = w.bool("suicide", false);
        double cooldown = w.number("cooldown", 0);
        if (!suicide && cooldown <= 0) {
            throw w.error("cooldown", "must be positive for a weapon that is not suicide, got " + cooldown);
        }
        return new Weapon(w.number("damage", 0), w.integer("attacks", 1), bonus, w.number("range", 0),
                GameTime.loops(cooldown), w.bool("ground", true), w.bool("air", false),
                w.number("splash_radius", 0, 0), suicide, w.number("line_splash", 0, 0));
    }

    private static Heal heal(JsonFields h) {
        h.rejectUnknown(Set.of("per_second", "hp_per_energy", "range"));
        return new Heal(GameTime.perLoop(h.number("per_second", 1e-9)), h.number("hp_per_energy", 1e-9),
                h.number("range", 0));
    }

    private static UnitType.Energy energy(JsonFields e) {
        e.rejectUnknown(Set.of("max", "start", "regen_per_second"));
        double max = e.number("max", 0);
        double start = e.number("start", 0);
        if (start > max) {
            throw e.error("start", "exceeds max " + max + ": " + start);
        }
        return new UnitType.Energy(max, start, GameTime.perLoop(e.number("regen_per_second", 0)));
    }

    /**
     * The type named {@code name}.
     *
     * @throws IllegalArgumentException listing the known names if there is none
     */
    public UnitType type(String name) {
        UnitType type = types.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown unit type '" + name + "' (known: " + types.keySet() + ")");
        }
        return type;
    }

    /** Whether a type named {@code name} exists. */
    public boolean contains(String name) {
        return types.containsKey(name);
    }

    /** All types, in file order. */
    public Map<String, UnitType> types() {
        return java.util.Collections.unmodifiableMap(types);
    }

    /** Where the numbers come from, as the file states it. */
    public String source() {
        return source;
    }
}

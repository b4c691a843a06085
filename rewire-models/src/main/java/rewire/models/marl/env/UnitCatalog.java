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
        UnitFile f = Json.read(json, UnitFile.class, file);
        UnitType.ShieldRegen shieldRegen = new UnitType.ShieldRegen(GameTime.perLoop(f.shieldRegen().perSecond()),
                GameTime.loops(f.shieldRegen().delaySeconds()));
        Map<String, UnitType> types = new LinkedHashMap<>();
        for (int i = 0; i < f.units().size(); i++) {
            String field = "units[" + i + "]";
            UnitType type;
            try {
                type = unitType(f.units().get(i), shieldRegen);
            } catch (IllegalArgumentException e) {
                throw Json.fieldError(file, field, e.getMessage());
            }
            if (types.putIfAbsent(type.name(), type) != null) {
                throw Json.fieldError(file, field + ".name", "duplicate unit type '" + type.name() + "'");
            }
        }
        return new UnitCatalog(f.source(), types);
    }

    /** The unit in the simulator's units (game loops); its checks are {@link UnitType}'s. */
    private static UnitType unitType(UnitFile.Unit u, UnitType.ShieldRegen shieldRegen) {
        Set<Attribute> attributes = EnumSet.noneOf(Attribute.class);
        u.attributes().forEach(a -> attributes.add(UnitFile.attribute(a, "attributes")));
        return new UnitType(u.name(), u.letter().charAt(0), u.health(), u.shield(), u.armor(), attributes, u.radius(),
                GameTime.perLoop(u.speed()), u.sight(), u.air(), u.weapon() == null ? null : weapon(u.weapon()),
                u.heal() == null ? null : new Heal(GameTime.perLoop(u.heal().perSecond()), u.heal().hpPerEnergy(),
                        u.heal().range()),
                u.energy() == null ? UnitType.Energy.NONE : new UnitType.Energy(u.energy().max(), u.energy().start(),
                        GameTime.perLoop(u.energy().regenPerSecond())),
                shieldRegen);
    }

    private static Weapon weapon(UnitFile.Weapon w) {
        Map<Attribute, Double> bonus = new EnumMap<>(Attribute.class);
        w.bonus().forEach((attribute, extra) -> bonus.put(UnitFile.attribute(attribute, "bonus"), extra));
        return new Weapon(w.damage(), w.attacks(), bonus, w.range(), GameTime.loops(w.cooldown()), w.ground(), w.air(),
                w.splashRadius(), w.suicide(), w.lineSplash());
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

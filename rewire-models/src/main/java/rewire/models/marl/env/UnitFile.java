package rewire.models.marl.env;

import static rewire.io.FieldChecks.atLeast;
import static rewire.io.FieldChecks.nonBlank;
import static rewire.io.FieldChecks.orDefault;
import static rewire.io.FieldChecks.required;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rewire.io.InvalidFieldException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A unit-type file as written (see {@link UnitCatalog}), read by Jackson: times and speeds in
 * faster-seconds, before {@link UnitCatalog} converts them to game loops. Each record checks its
 * own fields, so an error names the file and the field's path.
 *
 * @param source   where the numbers come from
 * @param timeUnit the unit of times and speeds, as the file states it (informative)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record UnitFile(String source, String timeUnit, ShieldRegen shieldRegen, List<Unit> units) {

    UnitFile {
        nonBlank(source, "source");
        required(shieldRegen, "shield_regen");
        required(units, "units");
    }

    /** Protoss shield regeneration per second, after {@code delaySeconds} without damage. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ShieldRegen(Double perSecond, Double delaySeconds) {
        ShieldRegen {
            atLeast(perSecond, 0, "per_second");
            atLeast(delaySeconds, 0, "delay_seconds");
        }
    }

    /** One unit type; {@code weapon}, {@code heal} and {@code energy} may be absent, {@code air} is false then. */
    record Unit(String name, String letter, Double health, Double shield, Double armor, List<String> attributes,
                Double radius, Double speed, Double sight, Boolean air, Weapon weapon, Heal heal, Energy energy) {
        Unit {
            nonBlank(name, "name");
            if (nonBlank(letter, "letter").length() != 1) {
                throw new InvalidFieldException("letter", "expected one character, got '" + letter + "'");
            }
            atLeast(health, 0, "health");
            atLeast(shield, 0, "shield");
            atLeast(armor, 0, "armor");
            required(attributes, "attributes").forEach(a -> attribute(a, "attributes"));
            atLeast(radius, 0, "radius");
            atLeast(speed, 0, "speed");
            atLeast(sight, 0, "sight");
            air = air != null && air;
        }
    }

    /** A weapon: per hit {@code damage} plus {@code bonus} per target attribute; cooldown in seconds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Weapon(Double damage, Integer attacks, Map<String, Double> bonus, Double range, Double cooldown,
                  Boolean ground, Boolean air, Double splashRadius, Boolean suicide, Double lineSplash) {
        Weapon {
            atLeast(damage, 0, "damage");
            atLeast(attacks, 1, "attacks");
            required(bonus, "bonus").forEach((attribute, extra) -> {
                attribute(attribute, "bonus");
                atLeast(extra, 0, "bonus." + attribute);
            });
            atLeast(range, 0, "range");
            suicide = suicide != null && suicide;
            if (atLeast(cooldown, 0, "cooldown") == 0 && !suicide) {
                throw new InvalidFieldException("cooldown", "must be positive for a weapon that is not suicide, got 0.0");
            }
            ground = ground == null || ground;
            air = air != null && air;
            splashRadius = orDefault(splashRadius, 0, 0, "splash_radius");
            lineSplash = orDefault(lineSplash, 0, 0, "line_splash");
        }
    }

    /** A heal ability: health per second, health per energy point, reach. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Heal(Double perSecond, Double hpPerEnergy, Double range) {
        Heal {
            positive(perSecond, "per_second");
            positive(hpPerEnergy, "hp_per_energy");
            atLeast(range, 0, "range");
        }

        private static void positive(Double value, String field) {
            if (required(value, field) <= 0) {
                throw new InvalidFieldException(field, "must be positive, got " + value);
            }
        }
    }

    /** An energy pool: maximum, start (at most the maximum), regeneration per second. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Energy(Double max, Double start, Double regenPerSecond) {
        Energy {
            atLeast(max, 0, "max");
            if (atLeast(start, 0, "start") > max) {
                throw new InvalidFieldException("start", "exceeds max " + max + ": " + start);
            }
            atLeast(regenPerSecond, 0, "regen_per_second");
        }
    }

    /** The attribute named {@code name} in the field {@code field}. */
    static Attribute attribute(String name, String field) {
        try {
            return Attribute.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "unknown attribute '" + name + "' (known: "
                    + Arrays.toString(Attribute.values()).toLowerCase(Locale.ROOT) + ")");
        }
    }
}

package rewire.models.marl.env;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A unit's weapon. One attack fires {@code attacks} hits of {@code damage} plus the bonus for every
 * attribute the target has; armor applies to each hit (StarCraft II's rule for multi-hit weapons
 * such as the zealot's).
 *
 * @param damage base damage per hit
 * @param attacks hits per attack
 * @param bonus extra damage per hit against targets with the attribute
 * @param range reach, measured between the edges of the two units
 * @param cooldownLoops game loops between attacks
 * @param ground whether it can hit ground units
 * @param air whether it can hit air units
 * @param splashRadius radius around the attacker hit by a suicide splash (0 for single-target weapons)
 * @param suicide whether the attacker dies when it attacks (the baneling)
 * @param lineHalfLength half the length of a line through the target, across the line of fire,
 *     along which every enemy is hit too (the colossus' Thermal Lances; 0 for other weapons)
 */
public record Weapon(double damage, int attacks, Map<Attribute, Double> bonus, double range, double cooldownLoops,
                     boolean ground, boolean air, double splashRadius, boolean suicide, double lineHalfLength) {

    public Weapon {
        // An EnumMap iterates in enum order, so bonus sums are the same in every run (Map.copyOf's order is salted).
        bonus = Collections.unmodifiableMap(bonus.isEmpty() ? new EnumMap<>(Attribute.class) : new EnumMap<>(bonus));
        if (attacks < 1 || damage < 0 || range < 0 || cooldownLoops < 0 || splashRadius < 0
                || lineHalfLength < 0) {
            throw new IllegalArgumentException("invalid weapon: damage=" + damage + " attacks=" + attacks
                    + " range=" + range + " cooldown=" + cooldownLoops + " splash=" + splashRadius);
        }
    }

    /** Damage of one hit, before armor, against a target with {@code attributes}. */
    public double hitDamage(Set<Attribute> attributes) {
        double total = damage;
        for (Map.Entry<Attribute, Double> e : bonus.entrySet()) {
            if (attributes.contains(e.getKey())) {
                total += e.getValue();
            }
        }
        return total;
    }

    /** Whether this weapon can hit a unit that flies ({@code air}) or walks. */
    public boolean canHit(boolean targetIsAir) {
        return targetIsAir ? air : ground;
    }
}

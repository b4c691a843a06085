package rewire.models.marl.env;

import java.util.Set;

/**
 * The statistics of one StarCraft II unit type, in the simulator's units: distances in map cells,
 * times in game loops, speeds and rates per game loop (see {@link GameTime}).
 *
 * @param name lower-case name used in scenario files ("marine")
 * @param letter one character for text renders
 * @param health maximum health
 * @param shield maximum shield (0 for non-Protoss units)
 * @param armor armor subtracted from each hit that reaches health
 * @param attributes attributes bonus damage and healing refer to
 * @param radius footprint radius; ranges are measured between unit edges
 * @param speedPerLoop movement per game loop
 * @param sight sight range of the built-in AI's unit when it picks targets
 * @param air whether the unit flies (only anti-air weapons hit it)
 * @param weapon its weapon, or {@code null} (the medivac)
 * @param heal its heal ability, or {@code null}
 * @param energy its energy pool, or {@link Energy#NONE}
 * @param shieldRegen how its shield regenerates out of combat
 */
public record UnitType(String name, char letter, double health, double shield, double armor, Set<Attribute> attributes,
                       double radius, double speedPerLoop, double sight, boolean air, Weapon weapon, Heal heal,
                       Energy energy, ShieldRegen shieldRegen) {

    public UnitType {
        attributes = Set.copyOf(attributes);
        if (health <= 0 || shield < 0 || armor < 0 || radius <= 0 || speedPerLoop < 0 || sight <= 0) {
            throw new IllegalArgumentException("invalid unit type " + name + ": health=" + health + " shield=" + shield
                    + " armor=" + armor + " radius=" + radius + " speed=" + speedPerLoop + " sight=" + sight);
        }
        if (heal != null && energy.max() <= 0) {
            throw new IllegalArgumentException("unit type " + name + " heals but has no energy");
        }
    }

    /** Whether this type can attack a unit of type {@code target}. */
    public boolean canAttack(UnitType target) {
        return weapon != null && weapon.canHit(target.air);
    }

    /** Whether this type can heal a unit of type {@code target} (biological units only, as in StarCraft II). */
    public boolean canHeal(UnitType target) {
        return heal != null && target.attributes.contains(Attribute.BIOLOGICAL);
    }

    /**
     * An energy pool (medivacs pay energy to heal).
     *
     * @param max maximum energy
     * @param start energy a unit starts with
     * @param regenPerLoop energy regained per game loop
     */
    public record Energy(double max, double start, double regenPerLoop) {
        /** No energy. */
        public static final Energy NONE = new Energy(0, 0, 0);

        public Energy {
            if (max < 0 || start < 0 || start > max || regenPerLoop < 0) {
                throw new IllegalArgumentException("invalid energy: max=" + max + " start=" + start
                        + " regen=" + regenPerLoop);
            }
        }
    }

    /**
     * Protoss shield regeneration: after {@code delayLoops} loops without taking damage the shield
     * regains {@code perLoop} per loop.
     */
    public record ShieldRegen(double perLoop, double delayLoops) {
        public ShieldRegen {
            if (perLoop < 0 || delayLoops < 0) {
                throw new IllegalArgumentException("invalid shield regeneration: perLoop=" + perLoop
                        + " delay=" + delayLoops);
            }
        }
    }
}

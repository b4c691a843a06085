package rewire.models.marl.env;

/**
 * StarCraft II's damage arithmetic for one hit. Bonus damage is added first ({@link Weapon#hitDamage});
 * shields then absorb the hit without armor (shield armor is 0 without upgrades); whatever is left
 * reaches health reduced by the unit's armor. A hit that meets no shield always deals at least
 * {@value #MIN_DAMAGE}, the game's floor.
 */
final class Combat {
    /** The least damage a hit on health deals, however high the armor. */
    static final double MIN_DAMAGE = 0.5;

    private Combat() {
    }

    /**
     * Applies one hit of {@code damage} (bonus included, armor not yet subtracted) to {@code target}.
     *
     * @return health plus shield the target lost
     */
    static double hit(Unit target, double damage, long loop) {
        assert damage >= 0 && target.alive();
        double before = target.health + target.shield;
        if (target.shield > 0) {
            double absorbed = Math.min(target.shield, damage);
            target.shield -= absorbed;
            double overflow = damage - absorbed;
            if (overflow > 0) {
                target.health -= Math.max(overflow - target.type.armor(), 0);
            }
        } else {
            target.health -= Math.max(damage - target.type.armor(), MIN_DAMAGE);
        }
        target.health = Math.max(target.health, 0);
        target.lastDamagedLoop = loop;
        return before - target.health - target.shield;
    }

    /**
     * Heals {@code target} by up to {@code amount}, limited by its missing health and the healer's
     * energy (which pays {@code 1 / hpPerEnergy} per point healed).
     *
     * @return health restored
     */
    static double heal(Unit healer, Unit target, double amount) {
        Heal heal = healer.type.heal();
        double restored = Math.min(amount, Math.min(target.type.health() - target.health,
                healer.energy * heal.hpPerEnergy()));
        if (restored <= 0) {
            return 0;
        }
        target.health += restored;
        healer.energy = Math.max(healer.energy - restored / heal.hpPerEnergy(), 0);
        return restored;
    }
}

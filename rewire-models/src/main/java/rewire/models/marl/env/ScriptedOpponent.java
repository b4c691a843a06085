package rewire.models.marl.env;

/**
 * The built-in AI, modelled on what SMAC's maps make StarCraft II's AI do: every enemy
 * attack-moves toward the agents. A fighter keeps its current target while that target stays in
 * weapon range; otherwise it takes the nearest unit it can hit within weapon range, then within
 * sight range, and chases it; with nothing in sight it walks toward the nearest living agent it
 * can hit (or any agent, if it can hit none). A
 * healer heals the nearest hurt biological ally in sight and otherwise follows the nearest fighter
 * of its team. Fire rate, damage and range obey the same rules as the agents' units
 * ({@link Battle}).
 */
final class ScriptedOpponent {
    /** How close a healer with nothing to heal keeps to the nearest fighter of its team. */
    static final double FOLLOW_DISTANCE = 2;

    /** Gives every living unit of {@code team} its order for this game loop. */
    void command(Unit[] team, Unit[] foes) {
        for (Unit u : team) {
            if (!u.alive()) {
                continue;
            }
            if (u.type.weapon() != null) {
                commandFighter(u, foes);
            } else if (u.type.heal() != null) {
                commandHealer(u, team);
            }
        }
    }

    private void commandFighter(Unit u, Unit[] foes) {
        double range = u.type.weapon().range();
        if (u.order == Unit.Order.ATTACK && u.target.alive() && u.gap(u.target) <= range + Battle.RANGE_SLOP) {
            return;
        }
        Unit target = Battle.nearestInReach(u, foes, range, false);
        if (target == null) {
            target = Battle.nearestInReach(u, foes, u.type.sight(), false);
        }
        if (target != null) {
            u.command(Unit.Order.ATTACK, target);
            return;
        }
        Unit nearest = nearestAlive(u, foes, false, true);
        if (nearest == null) {
            nearest = nearestAlive(u, foes, false, false);
        }
        if (nearest == null) {
            u.command(Unit.Order.IDLE, null);
        } else {
            u.moveTo(nearest.x, nearest.y);
        }
    }

    private void commandHealer(Unit u, Unit[] team) {
        if (u.order == Unit.Order.HEAL && needsHeal(u, u.target)) {
            return;
        }
        Unit patient = Battle.nearestInReach(u, team, u.type.sight(), true);
        if (patient != null) {
            u.command(Unit.Order.HEAL, patient);
            return;
        }
        Unit leader = nearestAlive(u, team, true, false);
        if (leader != null && u.distance(leader) > FOLLOW_DISTANCE) {
            u.moveTo(leader.x, leader.y);
        } else {
            u.command(Unit.Order.IDLE, null);
        }
    }

    /** Whether {@code healer} may heal {@code t}: alive, hurt, biological and not itself. */
    static boolean needsHeal(Unit healer, Unit t) {
        return t != healer && t.alive() && t.health < t.type.health() && healer.type.canHeal(t.type);
    }

    /** The nearest other living unit of {@code team}, only fighters or only units {@code u} can attack if asked. */
    private static Unit nearestAlive(Unit u, Unit[] team, boolean fightersOnly, boolean attackableOnly) {
        Unit best = null;
        for (Unit t : team) {
            if (t != u && t.alive() && (!fightersOnly || t.fighter()) && (!attackableOnly || u.type.canAttack(t.type))
                    && (best == null || u.distance(t) < u.distance(best))) {
                best = t;
            }
        }
        return best;
    }
}

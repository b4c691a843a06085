package rewire.models.marl.env;

import java.util.List;

/**
 * A hand-written baseline team for the combat simulator: every agent attacks the weakest enemy in
 * range (focus fire), steps away from the nearest enemy when its own health and shield fall below
 * {@value #RETREAT_BELOW} of the maximum, and otherwise walks toward the nearest enemy. It shows
 * what simple micro achieves against the scripted opponent, beside {@link RandomPolicy}.
 */
public final class FocusFirePolicy {
    /** Fraction of maximum health + shield below which an agent retreats. */
    public static final double RETREAT_BELOW = 0.3;

    private FocusFirePolicy() {
    }

    /** Plays {@code episodes} episodes of {@code env} (resetting it first) with the focus-fire team. */
    public static Rollouts.Result evaluate(CombatEnv env, int episodes) {
        boolean[] mask = new boolean[env.actions()];
        return Rollouts.play(env, episodes, (e, actions) -> {
            List<UnitView> units = env.units();
            for (int a = 0; a < actions.length; a++) {
                e.availableActions(a, mask);
                actions[a] = action(mask, units.get(a), units);
            }
        });
    }

    private static int action(boolean[] mask, UnitView me, List<UnitView> units) {
        if (!me.alive()) {
            return CombatEnv.NO_OP;
        }
        UnitView nearest = nearestEnemy(me, units);
        UnitType type = UnitCatalog.standard().type(me.type());
        if (me.health() + me.shield() < RETREAT_BELOW * (type.health() + type.shield())
                && distance(me, nearest) < CombatEnv.SIGHT_RANGE) {
            int away = step(nearest, me);
            if (mask[away]) {
                return away;
            }
        }
        int agents = (int) units.stream().filter(UnitView::ally).count();
        int best = -1;
        for (int k = CombatEnv.FIRST_TARGET; k < mask.length; k++) {
            if (mask[k] && (best < 0 || vitals(units.get(agents + k - CombatEnv.FIRST_TARGET))
                    < vitals(units.get(agents + best - CombatEnv.FIRST_TARGET)))) {
                best = k;
            }
        }
        if (best >= 0) {
            return best;
        }
        int toward = step(me, nearest);
        return mask[toward] ? toward : CombatEnv.STOP;
    }

    private static UnitView nearestEnemy(UnitView me, List<UnitView> units) {
        UnitView nearest = null;
        for (UnitView u : units) {
            if (!u.ally() && u.alive() && (nearest == null || distance(me, u) < distance(me, nearest))) {
                nearest = u;
            }
        }
        return nearest;
    }

    /** The move action that best heads from {@code from} toward {@code to}. */
    private static int step(UnitView from, UnitView to) {
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        return Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? CombatEnv.MOVE_EAST : CombatEnv.MOVE_WEST)
                : (dy > 0 ? CombatEnv.MOVE_NORTH : CombatEnv.MOVE_SOUTH);
    }

    private static double distance(UnitView a, UnitView b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private static double vitals(UnitView u) {
        return u.health() + u.shield();
    }
}

package rewire.models.marl.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SMAC's observation and state vectors (default SMAC options: {@code obs_all_health},
 * {@code obs_own_health}, {@code state_last_action}; no pathing grid, terrain height or last
 * actions in observations). Distances in observations are divided by the sight range; positions in
 * the state are relative to the map centre and divided by the map size; health, shield, cooldown and
 * energy are fractions of their maxima. Dead or invisible units are all zeros.
 *
 * <pre>
 * observation = [ move (4) : can move north, south, east, west
 *               | per enemy k (nEnemies x (4 + 1 + shieldBitsEnemy + typeBits)):
 *                   attackable now, distance, rel x, rel y, health, [shield], [type one-hot]
 *               | per other ally (nAgents-1 x (4 + 1 + shieldBitsAlly + typeBits)):
 *                   visible, distance, rel x, rel y, health, [shield], [type one-hot]
 *               | own (1 + shieldBitsAlly + typeBits): health, [shield], [type one-hot] ]
 * state       = [ per ally (nAgents x (4 + shieldBitsAlly + typeBits)):
 *                   health, cooldown (energy for healers), x, y, [shield], [type one-hot]
 *               | per enemy (nEnemies x (3 + shieldBitsEnemy + typeBits)): health, x, y, [shield], [type]
 *               | last actions (nAgents x nActions one-hot) ]
 * </pre>
 * Type bits follow SMAC: none when every ally has the same type (3m, 8m, 3s_vs_5z), otherwise one
 * bit per type, allies' types first in file order, then enemy-only types.
 */
final class Features {
    final int typeBits;
    final int shieldBitsAlly;
    final int shieldBitsEnemy;
    private final List<UnitType> vocabulary = new ArrayList<>();
    // Type id by identity: record equals would compare every statistic on each lookup.
    private final java.util.Map<UnitType, Integer> typeIds = new java.util.IdentityHashMap<>();
    private final int agents;
    private final int enemies;
    private final int actions;
    private final int enemyObs;
    private final int allyObs;
    private final int allyState;
    private final int enemyState;

    Features(Scenario s, int actions) {
        for (Scenario.Placement p : s.allies()) {
            addType(p.type());
        }
        boolean oneAllyType = vocabulary.size() == 1;
        for (Scenario.Placement p : s.enemies()) {
            addType(p.type());
        }
        this.typeBits = oneAllyType ? 0 : vocabulary.size();
        this.shieldBitsAlly = s.allies().stream().anyMatch(p -> p.type().shield() > 0) ? 1 : 0;
        this.shieldBitsEnemy = s.enemies().stream().anyMatch(p -> p.type().shield() > 0) ? 1 : 0;
        this.agents = s.allies().size();
        this.enemies = s.enemies().size();
        this.actions = actions;
        this.enemyObs = 5 + shieldBitsEnemy + typeBits;
        this.allyObs = 5 + shieldBitsAlly + typeBits;
        this.allyState = 4 + shieldBitsAlly + typeBits;
        this.enemyState = 3 + shieldBitsEnemy + typeBits;
    }

    private void addType(UnitType t) {
        if (!vocabulary.contains(t)) {
            vocabulary.add(t);
        }
        typeIds.put(t, vocabulary.indexOf(t));
    }

    int observationSize() {
        return 4 + enemies * enemyObs + (agents - 1) * allyObs + 1 + shieldBitsAlly + typeBits;
    }

    int stateSize() {
        return agents * allyState + enemies * enemyState + agents * actions;
    }

    /** Agent {@code me}'s observation; {@code avail} is its action mask (moves and attacks come from it). */
    void observation(Battle b, Unit me, boolean[] avail, double sight, float[] out) {
        Arrays.fill(out, 0f);
        if (!me.alive()) {
            return;
        }
        for (int m = 0; m < 4; m++) {
            out[m] = avail[CombatEnv.MOVE_NORTH + m] ? 1f : 0f;
        }
        int base = 4;
        for (Unit e : b.enemies) {
            if (e.alive() && me.distance(e) < sight) {
                boolean attackable = me.type.heal() == null && avail[CombatEnv.FIRST_TARGET + e.index];
                writeSeen(me, e, attackable, sight, shieldBitsEnemy, out, base);
            }
            base += enemyObs;
        }
        for (Unit a : b.allies) {
            if (a == me) {
                continue;
            }
            if (a.alive() && me.distance(a) < sight) {
                writeSeen(me, a, true, sight, shieldBitsAlly, out, base);
            }
            base += allyObs;
        }
        out[base++] = (float) (me.health / me.type.health());
        if (shieldBitsAlly > 0) {
            out[base++] = shieldFraction(me);
        }
        writeType(me, out, base);
    }

    private void writeSeen(Unit me, Unit u, boolean flag, double sight, int shieldBits, float[] out, int at) {
        out[at] = flag ? 1f : 0f;
        out[at + 1] = (float) (me.distance(u) / sight);
        out[at + 2] = (float) ((u.x - me.x) / sight);
        out[at + 3] = (float) ((u.y - me.y) / sight);
        out[at + 4] = (float) (u.health / u.type.health());
        if (shieldBits > 0) {
            out[at + 5] = shieldFraction(u);
        }
        writeType(u, out, at + 5 + shieldBits);
    }

    /** The global state; {@code lastActions} holds each agent's previous action (-1 before the first step). */
    void state(Battle b, int[] lastActions, float[] out) {
        Arrays.fill(out, 0f);
        Scenario s = b.scenario();
        int base = 0;
        for (Unit a : b.allies) {
            if (a.alive()) {
                out[base] = (float) (a.health / a.type.health());
                out[base + 1] = cooldownOrEnergy(a);
                out[base + 2] = (float) ((a.x - s.width() / 2) / s.width());
                out[base + 3] = (float) ((a.y - s.height() / 2) / s.height());
                if (shieldBitsAlly > 0) {
                    out[base + 4] = shieldFraction(a);
                }
                writeType(a, out, base + 4 + shieldBitsAlly);
            }
            base += allyState;
        }
        for (Unit e : b.enemies) {
            if (e.alive()) {
                out[base] = (float) (e.health / e.type.health());
                out[base + 1] = (float) ((e.x - s.width() / 2) / s.width());
                out[base + 2] = (float) ((e.y - s.height() / 2) / s.height());
                if (shieldBitsEnemy > 0) {
                    out[base + 3] = shieldFraction(e);
                }
                writeType(e, out, base + 3 + shieldBitsEnemy);
            }
            base += enemyState;
        }
        for (int i = 0; i < agents; i++) {
            if (lastActions[i] >= 0) {
                out[base + i * actions + lastActions[i]] = 1f;
            }
        }
    }

    private static float cooldownOrEnergy(Unit u) {
        if (u.type.weapon() == null) {
            double max = u.type.energy().max();
            return max > 0 ? (float) (u.energy / max) : 0f;
        }
        double max = u.type.weapon().cooldownLoops();
        return max > 0 ? (float) (Math.max(u.cooldown, 0) / max) : 0f;
    }

    private static float shieldFraction(Unit u) {
        return u.type.shield() > 0 ? (float) (u.shield / u.type.shield()) : 0f;
    }

    private void writeType(Unit u, float[] out, int at) {
        if (typeBits > 0) {
            out[at + typeIds.get(u.type)] = 1f;
        }
    }
}

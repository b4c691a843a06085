package rewire.models.marl.env;

import java.util.Arrays;
import rewire.tensor.Rng;

/**
 * The combat simulation: two teams of {@link Unit}s on an open rectangular map, advanced one game
 * loop at a time. Each loop the {@link ScriptedOpponent} gives the enemy team its orders, every
 * living unit carries out its order (moving {@code speed} per loop, firing when in range and off
 * cooldown, healing), then all hits of the loop land at once, so no unit gains from being processed
 * first; overlapping units are pushed apart (StarCraft II's unit collision, ground and air
 * separately) and shields and energy regenerate. Everything is deterministic; the only randomness is the
 * start jitter drawn in the constructor.
 */
final class Battle {
    /**
     * How far beyond its range a unit that is already engaging keeps firing (or healing). Units here
     * walk straight at their target and crowds are pushed apart afterwards, so without this slack a
     * melee unit in a scrum would be nudged just out of reach every loop and never strike; in the
     * game, path-finding lets it settle within reach.
     */
    static final double RANGE_SLOP = 0.25;

    private final Scenario scenario;
    final Unit[] allies;
    final Unit[] enemies;
    private final ScriptedOpponent opponent = new ScriptedOpponent();
    private long loop;
    // Hits of the current loop, applied together by resolveHits().
    private Unit[] hitTargets = new Unit[32];
    private double[] hitDamage = new double[32];
    private int hits;

    Battle(Scenario scenario, Rng rng) {
        this.scenario = scenario;
        this.allies = place(scenario.allies(), true, rng);
        this.enemies = place(scenario.enemies(), false, rng);
    }

    private Unit[] place(java.util.List<Scenario.Placement> placements, boolean ally, Rng rng) {
        Unit[] team = new Unit[placements.size()];
        double j = scenario.jitter();
        for (int i = 0; i < team.length; i++) {
            Scenario.Placement p = placements.get(i);
            double x = clamp(p.x() + j * (2 * rng.nextDouble() - 1), scenario.width());
            double y = clamp(p.y() + j * (2 * rng.nextDouble() - 1), scenario.height());
            team[i] = new Unit(p.type(), ally, i, x, y);
        }
        return team;
    }

    Scenario scenario() {
        return scenario;
    }

    /** Game loops simulated so far. */
    long loop() {
        return loop;
    }

    /** Simulates {@code loops} game loops. */
    void advance(int loops) {
        for (int i = 0; i < loops; i++) {
            opponent.command(enemies, allies);
            for (Unit u : allies) {
                act(u, enemies, allies);
            }
            for (Unit u : enemies) {
                act(u, allies, enemies);
            }
            resolveHits();
            separate(allies, enemies);
            regenerate(allies);
            regenerate(enemies);
            loop++;
        }
    }

    private void act(Unit u, Unit[] foes, Unit[] friends) {
        if (!u.alive()) {
            return;
        }
        if (u.cooldown > 0) {
            u.cooldown -= 1; // stops in (-1, 0]: the fraction carries into the next shot, keeping the mean rate exact
        }
        if ((u.order == Unit.Order.ATTACK && !u.target.alive())
                || (u.order == Unit.Order.HEAL && (!u.target.alive() || u.target.health >= u.target.type.health()))) {
            u.command(Unit.Order.IDLE, null);
        }
        switch (u.order) {
            case MOVE -> {
                if (walk(u, u.moveX, u.moveY, 0)) {
                    u.command(Unit.Order.IDLE, null);
                }
            }
            case ATTACK -> {
                double reach = u.type.weapon().range();
                if (u.gap(u.target) <= reach + RANGE_SLOP) {
                    fire(u, u.target, foes);
                } else {
                    walk(u, u.target.x, u.target.y, reach + u.type.radius() + u.target.type.radius());
                }
            }
            case HEAL -> {
                double reach = u.type.heal().range();
                if (u.gap(u.target) <= reach + RANGE_SLOP) {
                    Combat.heal(u, u.target, u.type.heal().perLoop());
                } else {
                    walk(u, u.target.x, u.target.y, reach + u.type.radius() + u.target.type.radius());
                }
            }
            case IDLE -> actIdle(u, foes, friends);
        }
    }

    /** An idle unit fires at the nearest enemy already in weapon range, or heals the nearest hurt ally in reach. */
    private void actIdle(Unit u, Unit[] foes, Unit[] friends) {
        if (u.type.weapon() != null) {
            Unit target = nearestInReach(u, foes, u.type.weapon().range(), false);
            if (target != null) {
                fire(u, target, foes);
            }
        } else if (u.type.heal() != null) {
            Unit patient = nearestInReach(u, friends, u.type.heal().range(), true);
            if (patient != null) {
                Combat.heal(u, patient, u.type.heal().perLoop());
            }
        }
    }

    /** The nearest living unit of {@code team} within edge distance {@code reach} that {@code u} can attack (or heal). */
    static Unit nearestInReach(Unit u, Unit[] team, double reach, boolean heal) {
        Unit best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Unit t : team) {
            boolean valid = heal ? ScriptedOpponent.needsHeal(u, t) : t.alive() && u.type.canAttack(t.type);
            if (valid && u.gap(t) <= reach + 1e-9 && u.distance(t) < bestDistance) {
                best = t;
                bestDistance = u.distance(t);
            }
        }
        return best;
    }

    /** Fires at {@code target} if the weapon is ready; a suicide weapon (baneling) hits everything in its splash. */
    private void fire(Unit u, Unit target, Unit[] foes) {
        Weapon w = u.type.weapon();
        if (u.cooldown > 0 || !u.type.canAttack(target.type)) {
            return;
        }
        if (w.suicide()) {
            for (Unit f : foes) {
                if (f.alive() && w.canHit(f.type.air()) && u.distance(f) - f.type.radius() <= w.splashRadius()) {
                    queueHits(f, w);
                }
            }
            u.health = 0;
        } else {
            queueHits(target, w);
            if (w.lineHalfLength() > 0) {
                queueLineHits(u, target, foes, w);
            }
            u.cooldown += w.cooldownLoops();
        }
    }

    /** Hits every other enemy touching the segment through {@code target} perpendicular to the line of fire. */
    private void queueLineHits(Unit u, Unit target, Unit[] foes, Weapon w) {
        double fx = target.x - u.x;
        double fy = target.y - u.y;
        double norm = Unit.length(fx, fy);
        double px = norm > 0 ? -fy / norm : 0; // unit vector across the line of fire
        double py = norm > 0 ? fx / norm : 1;
        for (Unit f : foes) {
            if (f == target || !f.alive() || !w.canHit(f.type.air())) {
                continue;
            }
            double rx = f.x - target.x;
            double ry = f.y - target.y;
            double along = Math.max(-w.lineHalfLength(), Math.min(w.lineHalfLength(), rx * px + ry * py));
            if (Unit.length(rx - along * px, ry - along * py) <= f.type.radius()) {
                queueHits(f, w);
            }
        }
    }

    private void queueHits(Unit target, Weapon w) {
        double damage = w.hitDamage(target.type.attributes());
        for (int a = 0; a < w.attacks(); a++) {
            if (hits == hitTargets.length) {
                hitTargets = Arrays.copyOf(hitTargets, 2 * hits);
                hitDamage = Arrays.copyOf(hitDamage, 2 * hits);
            }
            hitTargets[hits] = target;
            hitDamage[hits++] = damage;
        }
    }

    private void resolveHits() {
        for (int i = 0; i < hits; i++) {
            if (hitTargets[i].alive()) {
                Combat.hit(hitTargets[i], hitDamage[i], loop);
            }
            hitTargets[i] = null;
        }
        hits = 0;
    }

    /**
     * Pushes every overlapping pair of living units of the same layer (ground or air) apart; each
     * moves a share of the overlap inversely proportional to its footprint area, so a colossus is
     * barely moved by a zealot. One pass per loop: crowds settle over a few loops, as in the game.
     */
    private void separate(Unit[] first, Unit[] second) {
        int n = first.length + second.length;
        for (int i = 0; i < n; i++) {
            Unit a = i < first.length ? first[i] : second[i - first.length];
            for (int j = i + 1; j < n && a.alive(); j++) {
                Unit b = j < first.length ? first[j] : second[j - first.length];
                if (b.alive() && a.type.air() == b.type.air()) {
                    pushApart(a, b);
                }
            }
        }
    }

    private void pushApart(Unit a, Unit b) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double touch = a.type.radius() + b.type.radius();
        if (dx * dx + dy * dy >= touch * touch) {
            return; // the common case, decided without a square root
        }
        double distance = Unit.length(dx, dy);
        double overlap = touch - distance;
        if (distance == 0) { // coincident: split along x so the result stays deterministic
            dx = 1;
            distance = 1;
        }
        double areaA = a.type.radius() * a.type.radius();
        double areaB = b.type.radius() * b.type.radius();
        double pushA = overlap * areaB / (areaA + areaB) / distance;
        double pushB = overlap * areaA / (areaA + areaB) / distance;
        a.x = clamp(a.x - dx * pushA, scenario.width());
        a.y = clamp(a.y - dy * pushA, scenario.height());
        b.x = clamp(b.x + dx * pushB, scenario.width());
        b.y = clamp(b.y + dy * pushB, scenario.height());
    }

    private void regenerate(Unit[] team) {
        for (Unit u : team) {
            if (!u.alive()) {
                continue;
            }
            UnitType t = u.type;
            if (u.shield < t.shield() && loop - u.lastDamagedLoop >= t.shieldRegen().delayLoops()) {
                u.shield = Math.min(t.shield(), u.shield + t.shieldRegen().perLoop());
            }
            u.energy = Math.min(t.energy().max(), u.energy + t.energy().regenPerLoop());
        }
    }

    /**
     * Moves {@code u} up to its speed toward ({@code tx}, {@code ty}), stopping {@code stopAt} short.
     *
     * @return whether it arrived
     */
    private boolean walk(Unit u, double tx, double ty, double stopAt) {
        double dx = tx - u.x;
        double dy = ty - u.y;
        double distance = Unit.length(dx, dy);
        double travel = Math.min(u.type.speedPerLoop(), distance - stopAt);
        if (travel > 0) {
            u.x = clamp(u.x + dx / distance * travel, scenario.width());
            u.y = clamp(u.y + dy / distance * travel, scenario.height());
        }
        return distance - stopAt <= u.type.speedPerLoop();
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }

    /** Number of living units of {@code team} that can fight. */
    static int fighters(Unit[] team) {
        int n = 0;
        for (Unit u : team) {
            if (u.alive() && u.fighter()) {
                n++;
            }
        }
        return n;
    }
}

package rewire.models.marl.env;

import java.util.List;
import java.util.Locale;
import rewire.tensor.Rng;

/**
 * Prints, for each scenario, the simulator's speed (agent steps per second with a random policy,
 * including reading every observation, the state and every mask as a learner would) and two
 * baselines over the same episodes: the random policy and a hand-written heuristic: every agent
 * attacks the weakest enemy in range (focus fire), steps away from the nearest enemy when its own
 * health and shield fall below {@value #RETREAT_BELOW} of the maximum, and otherwise walks toward
 * the nearest enemy. It shows what simple micro achieves against the scripted opponent.
 *
 * <p>Usage: {@code java -cp <classes> rewire.models.marl.env.EnvBenchmark [episodes] [scenario...]}
 */
public final class EnvBenchmark {
    /** Fraction of maximum health + shield below which the heuristic retreats. */
    static final double RETREAT_BELOW = 0.3;
    private EnvBenchmark() {
    }

    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : Scenario.BUILTIN.subList(0, 6);
        System.out.printf(Locale.ROOT, "%-10s %12s %12s %10s %12s %10s%n", "scenario", "steps/s", "rand return",
                "rand win", "heur return", "heur win");
        for (String name : names) {
            speed(CombatEnv.of(name, 1), episodes); // warm-up: let the JIT compile the simulator
            double stepsPerSecond = speed(CombatEnv.of(name, 1), episodes);
            Rollouts.Result random = RandomPolicy.evaluate(CombatEnv.of(name, 2), episodes, new Rng(3));
            Rollouts.Result heuristic = heuristic(CombatEnv.of(name, 2), episodes);
            System.out.printf(Locale.ROOT, "%-10s %12.0f %12.2f %10.2f %12.2f %10.2f%n", name, stepsPerSecond,
                    random.meanReturn(), random.winRate(), heuristic.meanReturn(), heuristic.winRate());
        }
    }

    /** Agent steps per second of a random team that also reads every observation and the state, as a learner would. */
    private static double speed(CombatEnv env, int episodes) {
        float[] obs = new float[env.observationSize()];
        float[] state = new float[env.stateSize()];
        Rollouts.TeamPolicy random = RandomPolicy.of(env, new Rng(7));
        long start = System.nanoTime();
        Rollouts.Result r = Rollouts.play(env, episodes, (e, actions) -> {
            e.state(state);
            for (int a = 0; a < actions.length; a++) {
                e.observation(a, obs);
            }
            random.act(e, actions);
        });
        return r.meanSteps() * r.episodes() / ((System.nanoTime() - start) / 1e9);
    }

    /** Mean return and win rate of the heuristic (see the class comment). */
    static Rollouts.Result heuristic(CombatEnv env, int episodes) {
        boolean[] mask = new boolean[env.actions()];
        return Rollouts.play(env, episodes, (e, actions) -> {
            List<UnitView> units = env.units();
            for (int a = 0; a < actions.length; a++) {
                e.availableActions(a, mask);
                actions[a] = heuristicAction(mask, units.get(a), units);
            }
        });
    }

    private static int heuristicAction(boolean[] mask, UnitView me, List<UnitView> units) {
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

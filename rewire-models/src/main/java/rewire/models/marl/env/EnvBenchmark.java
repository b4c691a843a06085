package rewire.models.marl.env;

import java.util.List;
import java.util.Locale;
import rewire.tensor.Rng;

/**
 * Prints, for each scenario, the simulator's speed (agent steps per second with a random policy,
 * including reading every observation, the state and every mask as a learner would) and two
 * baselines over the same episodes: the random policy and a heuristic that has every agent attack
 * the lowest-numbered enemy in range (focus fire) and otherwise walk toward the nearest enemy.
 *
 * <p>Usage: {@code java -cp <classes> rewire.models.marl.env.EnvBenchmark [episodes] [scenario...]}
 */
public final class EnvBenchmark {
    private EnvBenchmark() {
    }

    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : Scenario.BUILTIN;
        System.out.printf(Locale.ROOT, "%-10s %12s %12s %10s %12s %10s%n", "scenario", "steps/s", "rand return",
                "rand win", "focus return", "focus win");
        for (String name : names) {
            speed(CombatEnv.of(name, 1), episodes); // warm-up: let the JIT compile the simulator
            double stepsPerSecond = speed(CombatEnv.of(name, 1), episodes);
            RandomPolicy.Result random = RandomPolicy.evaluate(CombatEnv.of(name, 2), episodes, new Rng(3));
            double[] focus = focusFire(CombatEnv.of(name, 2), episodes);
            System.out.printf(Locale.ROOT, "%-10s %12.0f %12.2f %10.2f %12.2f %10.2f%n", name, stepsPerSecond,
                    random.meanReturn(), random.winRate(), focus[0], focus[1]);
        }
    }

    private static double speed(CombatEnv env, int episodes) {
        Rng rng = new Rng(7);
        float[] obs = new float[env.observationSize()];
        float[] state = new float[env.stateSize()];
        boolean[] mask = new boolean[env.actions()];
        int[] actions = new int[env.agents()];
        long steps = 0;
        long start = System.nanoTime();
        for (int e = 0; e < episodes; e++) {
            env.reset();
            MultiAgentEnv.Transition t;
            do {
                env.state(state);
                for (int a = 0; a < actions.length; a++) {
                    env.observation(a, obs);
                    env.availableActions(a, mask);
                    actions[a] = RandomPolicy.pick(mask, rng);
                }
                t = env.step(actions);
                steps++;
            } while (!t.done());
        }
        return steps / ((System.nanoTime() - start) / 1e9);
    }

    /** Mean return and win rate of the focus-fire heuristic (see the class comment). */
    static double[] focusFire(CombatEnv env, int episodes) {
        double returns = 0;
        int wins = 0;
        boolean[] mask = new boolean[env.actions()];
        int[] actions = new int[env.agents()];
        for (int e = 0; e < episodes; e++) {
            env.reset();
            MultiAgentEnv.Transition t;
            do {
                List<UnitView> units = env.units();
                for (int a = 0; a < actions.length; a++) {
                    env.availableActions(a, mask);
                    actions[a] = firstTargetOrApproach(mask, units.get(a), units);
                }
                t = env.step(actions);
                returns += t.reward();
            } while (!t.done());
            wins += t.outcome() == MultiAgentEnv.Outcome.WON ? 1 : 0;
        }
        return new double[] {returns / episodes, (double) wins / episodes};
    }

    private static int firstTargetOrApproach(boolean[] mask, UnitView me, List<UnitView> units) {
        if (!me.alive()) {
            return CombatEnv.NO_OP;
        }
        for (int i = CombatEnv.FIRST_TARGET; i < mask.length; i++) {
            if (mask[i]) {
                return i;
            }
        }
        UnitView nearest = null;
        for (UnitView u : units) {
            if (!u.ally() && u.alive() && (nearest == null
                    || Math.hypot(u.x() - me.x(), u.y() - me.y()) < Math.hypot(nearest.x() - me.x(), nearest.y() - me.y()))) {
                nearest = u;
            }
        }
        double dx = nearest.x() - me.x();
        double dy = nearest.y() - me.y();
        int move = Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? CombatEnv.MOVE_EAST : CombatEnv.MOVE_WEST)
                : (dy > 0 ? CombatEnv.MOVE_NORTH : CombatEnv.MOVE_SOUTH);
        return mask[move] ? move : CombatEnv.STOP;
    }
}

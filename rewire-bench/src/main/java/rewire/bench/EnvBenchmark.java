package rewire.bench;

import java.util.List;
import java.util.Locale;
import rewire.models.marl.env.CombatEnv;
import rewire.models.marl.env.FocusFirePolicy;
import rewire.models.marl.env.RandomPolicy;
import rewire.models.marl.env.Rollouts;
import rewire.models.marl.env.Scenario;
import rewire.tensor.Rng;

/**
 * Prints, for each scenario, the combat simulator's speed (agent steps per second with a random
 * policy, including reading every observation, the state and every mask as a learner would) and
 * two baselines over the same episodes: {@link RandomPolicy} and {@link FocusFirePolicy}.
 *
 * <p>Usage: {@code java -cp <classes> rewire.bench.EnvBenchmark [episodes] [scenario...]}
 */
public final class EnvBenchmark {
    private EnvBenchmark() {
    }

    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : Scenario.BUILTIN.subList(0, 6);
        System.out.printf(Locale.ROOT, "%-10s %12s %12s %10s %12s %10s%n", "scenario", "steps/s", "rand return",
                "rand win", "focus return", "focus win");
        for (String name : names) {
            speed(CombatEnv.of(name, 1), episodes); // warm-up: let the JIT compile the simulator
            double stepsPerSecond = speed(CombatEnv.of(name, 1), episodes);
            Rollouts.Result random = RandomPolicy.evaluate(CombatEnv.of(name, 2), episodes, new Rng(3));
            Rollouts.Result heuristic = FocusFirePolicy.evaluate(CombatEnv.of(name, 2), episodes);
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
}

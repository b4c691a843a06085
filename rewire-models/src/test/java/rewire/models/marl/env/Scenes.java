package rewire.models.marl.env;

import java.util.ArrayList;
import java.util.List;

/** Small hand-placed scenarios for tests: "type@x,y" per unit, no jitter. */
final class Scenes {
    private Scenes() {
    }

    static Scenario of(double size, int limit, List<String> allies, List<String> enemies) {
        return new Scenario("test", size, size, limit, 0, placements(allies), placements(enemies));
    }

    private static List<Scenario.Placement> placements(List<String> specs) {
        List<Scenario.Placement> out = new ArrayList<>();
        for (String spec : specs) {
            String[] typeAndPos = spec.split("@");
            String[] xy = typeAndPos[1].split(",");
            out.add(new Scenario.Placement(UnitCatalog.standard().type(typeAndPos[0]), Double.parseDouble(xy[0]),
                    Double.parseDouble(xy[1])));
        }
        return out;
    }

    /** Plays one episode where every agent takes {@code policy}'s action; returns the summed reward. */
    static double play(CombatEnv env, java.util.function.BiFunction<Integer, boolean[], Integer> policy) {
        double total = 0;
        boolean[] mask = new boolean[env.actions()];
        int[] actions = new int[env.agents()];
        MultiAgentEnv.Transition t;
        do {
            for (int a = 0; a < actions.length; a++) {
                env.availableActions(a, mask);
                actions[a] = policy.apply(a, mask);
            }
            t = env.step(actions);
            total += t.reward();
        } while (!t.done());
        return total;
    }

    /** Attack the lowest-numbered available target, otherwise stop (dead agents: no-op). */
    static int attackFirst(int agent, boolean[] mask) {
        for (int i = CombatEnv.FIRST_TARGET; i < mask.length; i++) {
            if (mask[i]) {
                return i;
            }
        }
        return mask[CombatEnv.STOP] ? CombatEnv.STOP : CombatEnv.NO_OP;
    }
}

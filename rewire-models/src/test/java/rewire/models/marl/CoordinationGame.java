package rewire.models.marl;

import rewire.models.marl.env.MultiAgentEnv;
import rewire.tensor.Rng;

/**
 * A tiny cooperative game for the learners' tests. Each step shows all agents a random target in
 * {0, 1, 2}; the team earns 1 when every agent picks it, and wins after {@code winsNeeded} such
 * steps; otherwise the episode times out after {@code limit} steps. Action 3 is never available,
 * so availability masks are exercised. A random policy earns about 1/3^n per step.
 */
final class CoordinationGame implements MultiAgentEnv {
    static final int CHOICES = 3;
    private final int agents;
    private final int limit;
    private final int winsNeeded;
    private Rng rng;
    private int target;
    private int steps;
    private int hits;

    CoordinationGame(int agents, int limit, int winsNeeded, long seed) {
        this.agents = agents;
        this.limit = limit;
        this.winsNeeded = winsNeeded;
        this.rng = new Rng(seed);
    }

    @Override
    public long randomState() {
        return rng.state();
    }

    @Override
    public void restoreRandomState(long state) {
        rng = Rng.fromState(state);
    }

    @Override
    public int agents() {
        return agents;
    }

    @Override
    public int actions() {
        return CHOICES + 1;
    }

    @Override
    public int observationSize() {
        return CHOICES + 1;
    }

    @Override
    public int stateSize() {
        return CHOICES + 2;
    }

    @Override
    public int episodeLimit() {
        return limit;
    }

    @Override
    public void reset() {
        steps = 0;
        hits = 0;
        target = rng.nextInt(CHOICES);
    }

    @Override
    public Transition step(int[] actions) {
        boolean all = true;
        for (int i = 0; i < agents; i++) {
            if (actions[i] < 0 || actions[i] >= CHOICES) {
                throw new IllegalArgumentException("action " + actions[i] + " of agent " + i + " is not available");
            }
            all &= actions[i] == target;
        }
        steps++;
        hits += all ? 1 : 0;
        target = rng.nextInt(CHOICES);
        Outcome outcome = hits >= winsNeeded ? Outcome.WON : steps >= limit ? Outcome.TIMEOUT : Outcome.RUNNING;
        return new Transition(all ? 1f : 0f, outcome);
    }

    @Override
    public void observation(int agent, float[] out) {
        java.util.Arrays.fill(out, 0f);
        out[target] = 1f;
        out[CHOICES] = (float) steps / limit;
    }

    @Override
    public void state(float[] out) {
        java.util.Arrays.fill(out, 0f);
        out[target] = 1f;
        out[CHOICES] = (float) steps / limit;
        out[CHOICES + 1] = (float) hits / winsNeeded;
    }

    @Override
    public void availableActions(int agent, boolean[] out) {
        for (int a = 0; a < out.length; a++) {
            out[a] = a < CHOICES;
        }
    }
}

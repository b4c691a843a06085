package rewire.models.marl.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rewire.tensor.Rng;

/**
 * A SMAC-compatible {@link MultiAgentEnv} over the unit-combat simulator ({@link Battle}): the
 * agents control the scenario's allied units, the {@link ScriptedOpponent} the enemies. Interface
 * and defaults follow SMAC (Samvelyan et al., "The StarCraft Multi-Agent Challenge", AAMAS 2019):
 * each step lasts {@link GameTime#STEP_MUL} game loops; actions are 0 no-op (the only action of a
 * dead unit), 1 stop, 2-5 move {@value #MOVE_AMOUNT} cells north/south/east/west, then 6 + k:
 * attack enemy k (heal ally k for a healer), available when the target is alive and within
 * {@value #SHOOT_RANGE} cells (centre to centre, SMAC's constant shooting range; the unit then
 * closes to its own weapon range before it fires). Observations and state are laid out by
 * {@link Features}, the reward is {@link SmacReward}.
 *
 * <p>Deviation from SMAC, for a cleaner mask: an attack is unavailable when the unit's weapon
 * cannot hit the target at all (a marauder cannot attack a medivac), and a healer's per-enemy
 * "attackable" observation bit is 0 (SMAC copies its heal mask there).
 */
public final class CombatEnv implements MultiAgentEnv {
    public static final int NO_OP = 0;
    public static final int STOP = 1;
    public static final int MOVE_NORTH = 2;
    public static final int MOVE_SOUTH = 3;
    public static final int MOVE_EAST = 4;
    public static final int MOVE_WEST = 5;
    /** Action of the first attack (or heal) target. */
    public static final int FIRST_TARGET = 6;
    /** How far a move action sends a unit (SMAC's {@code move_amount}). */
    public static final double MOVE_AMOUNT = 2;
    /** Range within which a target can be chosen (SMAC's {@code unit_shoot_range}). */
    public static final double SHOOT_RANGE = 6;
    /** Range within which agents observe other units (SMAC's {@code unit_sight_range}). */
    public static final double SIGHT_RANGE = 9;

    private final Scenario scenario;
    private final SmacReward reward;
    private final double maxReward;
    private Rng rng;
    private final int actions;
    private final Features features;
    private final int[] lastActions;
    private final double[] before;
    private final double[] after;
    private final boolean[] scratchMask;
    private Battle battle;
    private int steps;
    private Outcome outcome = Outcome.RUNNING;

    /** An environment for {@code scenario} with SMAC's default reward. */
    public CombatEnv(Scenario scenario, long seed) {
        this(scenario, seed, SmacReward.defaults());
    }

    public CombatEnv(Scenario scenario, long seed, SmacReward reward) {
        if (!hasFighter(scenario.allies()) || !hasFighter(scenario.enemies())) {
            throw new IllegalArgumentException("scenario " + scenario.name() + ": each team needs a unit with a weapon");
        }
        this.scenario = scenario;
        this.reward = reward;
        this.maxReward = reward.maxReward(scenario);
        this.rng = new Rng(seed);
        boolean heals = scenario.allies().stream().anyMatch(p -> p.type().heal() != null);
        this.actions = FIRST_TARGET + Math.max(scenario.enemies().size(), heals ? scenario.allies().size() : 0);
        this.features = new Features(scenario, actions);
        this.lastActions = new int[scenario.allies().size()];
        int units = scenario.allies().size() + scenario.enemies().size();
        this.before = new double[units];
        this.after = new double[units];
        this.scratchMask = new boolean[actions];
        reset();
    }

    /** A built-in scenario ({@link Scenario#BUILTIN}) by name. */
    public static CombatEnv of(String scenarioName, long seed) {
        return new CombatEnv(Scenario.builtin(scenarioName), seed);
    }

    private static boolean hasFighter(List<Scenario.Placement> team) {
        return team.stream().anyMatch(p -> p.type().weapon() != null);
    }

    @Override
    public int agents() {
        return lastActions.length;
    }

    @Override
    public int actions() {
        return actions;
    }

    @Override
    public int observationSize() {
        return features.observationSize();
    }

    @Override
    public int stateSize() {
        return features.stateSize();
    }

    @Override
    public int episodeLimit() {
        return scenario.episodeLimit();
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
    public void reset() {
        battle = new Battle(scenario, rng);
        steps = 0;
        outcome = Outcome.RUNNING;
        Arrays.fill(lastActions, -1);
    }

    @Override
    public Transition step(int[] actions) {
        if (outcome != Outcome.RUNNING) {
            throw new IllegalStateException("episode already ended (" + outcome + "); call reset()");
        }
        checkActions(actions);
        for (int i = 0; i < actions.length; i++) {
            order(battle.allies[i], actions[i]);
        }
        System.arraycopy(actions, 0, lastActions, 0, actions.length);
        vitals(before);
        battle.advance(GameTime.STEP_MUL);
        steps++;
        vitals(after);
        outcome = judge();
        return new Transition((float) reward.step(before, after, agents(), outcome, maxReward), outcome);
    }

    private void checkActions(int[] actions) {
        if (actions == null || actions.length != agents()) {
            throw new IllegalArgumentException("expected " + agents() + " actions, got "
                    + (actions == null ? "null" : actions.length));
        }
        boolean[] mask = scratchMask;
        for (int i = 0; i < actions.length; i++) {
            if (actions[i] < 0 || actions[i] >= this.actions) {
                throw new IllegalArgumentException("agent " + i + ": action " + actions[i] + " outside [0, "
                        + this.actions + ")");
            }
            availableActions(i, mask);
            if (!mask[actions[i]]) {
                throw new IllegalArgumentException("agent " + i + ": action " + actions[i] + " is not available");
            }
        }
    }

    private void order(Unit u, int action) {
        switch (action) {
            case NO_OP -> { }
            case STOP -> u.command(Unit.Order.IDLE, null);
            case MOVE_NORTH -> u.moveTo(u.x, u.y + MOVE_AMOUNT);
            case MOVE_SOUTH -> u.moveTo(u.x, u.y - MOVE_AMOUNT);
            case MOVE_EAST -> u.moveTo(u.x + MOVE_AMOUNT, u.y);
            case MOVE_WEST -> u.moveTo(u.x - MOVE_AMOUNT, u.y);
            default -> {
                int k = action - FIRST_TARGET;
                if (u.type.heal() != null) {
                    u.command(Unit.Order.HEAL, battle.allies[k]);
                } else {
                    u.command(Unit.Order.ATTACK, battle.enemies[k]);
                }
            }
        }
    }

    private void vitals(double[] out) {
        int i = 0;
        for (Unit[] team : new Unit[][] {battle.allies, battle.enemies}) {
            for (Unit u : team) {
                out[i++] = u.alive() ? u.health + u.shield : 0;
            }
        }
    }

    private Outcome judge() {
        int allies = Battle.fighters(battle.allies);
        if (allies > 0 && Battle.fighters(battle.enemies) == 0) {
            return Outcome.WON;
        }
        if (allies == 0) {
            return Outcome.LOST; // SMAC's draw (both teams dead) also gets no win bonus
        }
        return steps >= scenario.episodeLimit() ? Outcome.TIMEOUT : Outcome.RUNNING;
    }

    @Override
    public void observation(int agent, float[] out) {
        checkAgent(agent);
        checkLength("observation", out.length, observationSize());
        availableActions(agent, scratchMask);
        features.observation(battle, battle.allies[agent], scratchMask, SIGHT_RANGE, out);
    }

    @Override
    public void state(float[] out) {
        checkLength("state", out.length, stateSize());
        features.state(battle, lastActions, out);
    }

    @Override
    public void availableActions(int agent, boolean[] out) {
        checkAgent(agent);
        checkLength("action mask", out.length, actions);
        Arrays.fill(out, false);
        Unit u = battle.allies[agent];
        if (!u.alive()) {
            out[NO_OP] = true;
            return;
        }
        out[STOP] = true;
        out[MOVE_NORTH] = inside(u.x, u.y + MOVE_AMOUNT / 2);
        out[MOVE_SOUTH] = inside(u.x, u.y - MOVE_AMOUNT / 2);
        out[MOVE_EAST] = inside(u.x + MOVE_AMOUNT / 2, u.y);
        out[MOVE_WEST] = inside(u.x - MOVE_AMOUNT / 2, u.y);
        boolean heals = u.type.heal() != null;
        Unit[] targets = heals ? battle.allies : battle.enemies;
        for (Unit t : targets) {
            boolean valid = heals ? t != u && t.alive() && u.type.canHeal(t.type) : t.alive() && u.type.canAttack(t.type);
            out[FIRST_TARGET + t.index] = valid && u.distance(t) <= SHOOT_RANGE;
        }
    }

    /** SMAC's {@code can_move}: the cell half a move away must be on the map (the map has no obstacles). */
    private boolean inside(double x, double y) {
        return Math.floor(x) >= 0 && Math.floor(x) < scenario.width() && Math.floor(y) >= 0
                && Math.floor(y) < scenario.height();
    }

    private void checkAgent(int agent) {
        if (agent < 0 || agent >= agents()) {
            throw new IllegalArgumentException("agent " + agent + " outside [0, " + agents() + ")");
        }
    }

    private static void checkLength(String what, int got, int expected) {
        if (got != expected) {
            throw new IllegalArgumentException(what + " buffer has length " + got + ", expected " + expected);
        }
    }

    /** The simulation itself, for tests in this package. */
    Battle battle() {
        return battle;
    }

    /** The scenario being played. */
    public Scenario scenario() {
        return scenario;
    }

    /** How the current episode stands. */
    public Outcome outcome() {
        return outcome;
    }

    /** Agent steps taken in the current episode. */
    public int steps() {
        return steps;
    }

    /** Allied units dead so far this episode (SMAC's {@code dead_allies}). */
    public int deadAllies() {
        return dead(battle.allies);
    }

    /** Enemy units dead so far this episode (SMAC's {@code dead_enemies}). */
    public int deadEnemies() {
        return dead(battle.enemies);
    }

    private static int dead(Unit[] team) {
        int n = 0;
        for (Unit u : team) {
            n += u.alive() ? 0 : 1;
        }
        return n;
    }

    /** Every unit's position and vitals now, allies first (for plots and debugging). */
    public List<UnitView> units() {
        List<UnitView> out = new ArrayList<>();
        for (Unit[] team : new Unit[][] {battle.allies, battle.enemies}) {
            for (Unit u : team) {
                out.add(new UnitView(u.ally, u.index, u.type.name(), u.type.letter(), u.x, u.y, u.health, u.shield,
                        u.energy, u.alive()));
            }
        }
        return out;
    }

    /** A text picture of the battlefield now ({@link TextRender}). */
    public String render() {
        return TextRender.render(scenario, steps, units());
    }
}

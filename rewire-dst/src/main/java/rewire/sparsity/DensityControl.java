package rewire.sparsity;

import java.util.List;
import rewire.optim.Schedule;

/**
 * A density that a controller sets while training runs: ADAPT's control of a GAN discriminator's
 * density by the balance ratio (Wang, Wu, Hovakimyan and Sun, "Balanced Training for Sparse GANs",
 * NeurIPS 2023; METHODS.md D.2). A {@link Rewirer} with a control asks it at each of its update
 * steps what to do, from the {@link ControlSignal}'s value {@code s} and the density {@code d} the
 * controller last set:
 * <ul>
 *   <li>{@code s >= high} and {@code d < cap}: grow to {@code min(cap, d + step)}, nothing pruned
 *       (with gradient growth and {@link Scope#GLOBAL}, ADAPT's global gradient growth);</li>
 *   <li>{@code s >= high} at the cap, with an {@code atCap} drop fraction (ADAPT_strict): a normal
 *       prune-and-regrow update at the cap with that drop fraction;</li>
 *   <li>{@code s <= low} and {@code d > floor}: prune to {@code max(floor, d - step)}, nothing
 *       grown (global magnitude pruning);</li>
 *   <li>otherwise, or while the signal is NaN, hold: the update step changes nothing.</li>
 * </ul>
 * The density is a value of the controller's state ({@link State}), saved with the engine's
 * state, so a resumed run continues from the density it had. It is held as a float, the form in
 * which it is saved, so a resumed run computes the same targets.
 *
 * @param signal            what the controller reads
 * @param start             the density the run starts at (ADAPT: the generator's density)
 * @param low               at or below this signal the density falls
 * @param high              at or above this signal the density rises
 * @param step              the absolute change of one decision ({@code δ}, 0.05 in ADAPT)
 * @param floor             the least density (0.05 in ADAPT's code)
 * @param cap               the greatest density ({@code d_max}: 1 relaxed, 0.5 strict)
 * @param atCapDropFraction the drop fraction of the update made at the cap, or null to hold there
 */
public record DensityControl(ControlSignal signal, double start, double low, double high, double step,
                             double floor, double cap, Schedule atCapDropFraction) {
    /** A density this close to the floor or the cap is at it (float rounding of repeated steps). */
    static final float BOUND_TOLERANCE = 1e-6f;

    public DensityControl {
        if (signal == null) {
            throw new IllegalArgumentException("a density control needs a signal");
        }
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("density control: need finite low < high, got " + low + " and " + high);
        }
        if (!(step > 0 && step <= 1)) {
            throw new IllegalArgumentException("density control: step must be in (0, 1], got " + step);
        }
        if (!(floor > 0 && floor <= cap && cap <= 1)) {
            throw new IllegalArgumentException("density control: need 0 < floor <= cap <= 1, got floor " + floor
                    + " and cap " + cap);
        }
        if (!(start >= floor && start <= cap)) {
            throw new IllegalArgumentException("density control: the start density " + start + " is outside [floor "
                    + floor + ", cap " + cap + "]");
        }
    }

    /** What one update step does. */
    public enum Action {
        /** Nothing changes. */
        HOLD,
        /** The density rises; connections are only grown. */
        GROW,
        /** The density falls; connections are only pruned. */
        PRUNE,
        /** The density stays at the cap; connections are pruned and as many regrown. */
        EXCHANGE
    }

    /**
     * One decision.
     *
     * @param action       what happens
     * @param density      the density after the update
     * @param dropFraction the fraction of connections replaced (0 unless {@link Action#EXCHANGE})
     */
    public record Decision(Action action, double density, double dropFraction) {
    }

    /** The decision at update step {@code step} from the signal and {@code state}'s density. */
    public Decision decide(long step, State state) {
        // the density is a float (the form in which it is saved); steps of δ drift by float rounding,
        // so a density within BOUND_TOLERANCE of a bound is at it, and a step never stops just short of it
        float d = state.density();
        float top = (float) cap;
        float bottom = (float) floor;
        double s = signal.value();
        if (s >= high) {
            if (d < top - BOUND_TOLERANCE) {
                float up = (float) (d + this.step);
                return new Decision(Action.GROW, up > top - BOUND_TOLERANCE ? top : up, 0);
            }
            if (atCapDropFraction != null) {
                return new Decision(Action.EXCHANGE, top, atCapDropFraction.at(step));
            }
        } else if (s <= low && d > bottom + BOUND_TOLERANCE) {
            float down = (float) (d - this.step);
            return new Decision(Action.PRUNE, down < bottom + BOUND_TOLERANCE ? bottom : down, 0);
        }
        return new Decision(Action.HOLD, d, 0);
    }

    /** The controller's state for one run, at the start density. */
    public State newState() {
        return new State((float) start);
    }

    /** The density the controller last set, the one piece of state it keeps. */
    public static final class State {
        static final String NAME = "control/density";
        private float density;

        State(float density) {
            this.density = density;
        }

        /** The current density. */
        public float density() {
            return density;
        }

        /** Records the density an update reached. */
        void set(double d) {
            density = (float) d;
        }

        List<StateArray> arrays() {
            return List.of(new StateArray.Floats(NAME, new float[] {density}));
        }

        void restore(StateArray saved) {
            density = StateArray.floats(saved, NAME, 1)[0];
        }
    }
}

package rewire.models.marl.env;

/**
 * The simulator's clock. StarCraft II advances in game loops; at game speed "faster" (the speed of
 * ranked play, and the speed Liquipedia's numbers are given in) 22.4 loops pass per real second.
 * SMAC lets the game run {@value #STEP_MUL} loops per agent step ({@code step_mul=8}), so one agent
 * step lasts 8 / 22.4 = 0.357 faster-seconds. Internally every time is a number of loops and every
 * speed or rate is per loop.
 */
public final class GameTime {
    /** Game loops per real second at game speed "faster". */
    public static final double LOOPS_PER_SECOND = 22.4;
    /** Game loops per agent step, SMAC's default {@code step_mul}. */
    public static final int STEP_MUL = 8;

    private GameTime() {
    }

    /** Loops in {@code seconds} faster-seconds. */
    public static double loops(double seconds) {
        return seconds * LOOPS_PER_SECOND;
    }

    /** A per-second quantity (speed, regeneration, heal rate) as a per-loop quantity. */
    public static double perLoop(double perSecond) {
        return perSecond / LOOPS_PER_SECOND;
    }
}

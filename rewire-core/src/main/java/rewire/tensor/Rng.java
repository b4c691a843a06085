package rewire.tensor;

/**
 * A seeded, splittable pseudo-random generator (SplitMix64). There is no global generator in
 * Rewire: every random choice takes an {@code Rng}, so a run is reproducible from its seed.
 *
 * <p>{@link #fold(long)} derives an independent generator from this one and a key (for example
 * the training step) without advancing this one, so the randomness of step {@code t} does not
 * depend on how many numbers earlier steps drew. {@link #split()} advances this generator and
 * returns an independent child.
 *
 * <p>Not thread-safe: give each thread its own generator via {@code fold} or {@code split}.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    public Rng(long seed) {
        this.state = mix64(seed ^ 0x5DEECE66DL);
    }

    /** Restores a generator from {@link #state()}, for exact resume from a checkpoint. */
    public static Rng fromState(long state) {
        Rng rng = new Rng(0);
        rng.state = state;
        return rng;
    }

    /** The whole state of this generator: {@code fromState(state())} continues the same sequence. */
    public long state() {
        return state;
    }

    /** An independent generator keyed by {@code key}; does not advance this one. */
    public Rng fold(long key) {
        return fromState(mix64(state ^ mix64(key + GOLDEN_GAMMA)));
    }

    /** Advances this generator and returns an independent child. */
    public Rng split() {
        return fromState(mix64(nextLong() ^ 0xD1B54A32D192ED03L));
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) nextLong(bound);
    }

    /** Uniform in [0, bound), unbiased (Lemire's method with rejection). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long threshold = Long.remainderUnsigned(-bound, bound);
        while (true) {
            long r = nextLong();
            long lo = r * bound;
            if (Long.compareUnsigned(lo, threshold) >= 0) {
                return Math.multiplyHigh(r, bound) + ((r >> 63) & bound);
            }
        }
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Standard normal (Marsaglia polar method). The second value of each pair is discarded so
     * that the generator's whole state stays one {@code long}.
     */
    public double nextGaussian() {
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = Math.sqrt(-2 * Math.log(s) / s);
        return u * scale;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package rewire.sparsity;

/**
 * One named array of the engine's state across steps, as a checkpoint stores it: the positions
 * ever active, SNFS's dense momentum. The engine stays free of file formats; the training
 * side writes these arrays into its checkpoint and hands them back to
 * {@link RewireState#restore} by name.
 */
public sealed interface StateArray {

    /** The name, unique within one {@link RewireState}, such as {@code momentum/0}. */
    String name();

    /** The number of values. */
    int length();

    /**
     * The values of {@code saved}, checked to be floats named {@code name} of {@code length}.
     *
     * @throws IllegalArgumentException naming what differs
     */
    static float[] floats(StateArray saved, String name, int length) {
        if (!(saved instanceof Floats f) || !f.name().equals(name) || f.length() != length) {
            throw mismatch(saved, "floats", name, length);
        }
        return f.values();
    }

    /** The values of {@code saved}, checked to be ints named {@code name}, of any length. */
    static int[] ints(StateArray saved, String name) {
        if (!(saved instanceof Ints i) || !i.name().equals(name)) {
            throw new IllegalArgumentException("saved state " + saved.name() + " (" + kindOf(saved)
                    + ") does not fit " + name + ", ints");
        }
        return i.values();
    }

    private static IllegalArgumentException mismatch(StateArray saved, String kind, String name, int length) {
        return new IllegalArgumentException("saved state " + saved.name() + " (" + saved.length() + " "
                + kindOf(saved) + ") does not fit " + name + ", " + length + " " + kind);
    }

    private static String kindOf(StateArray saved) {
        return saved instanceof Floats ? "floats" : "ints";
    }

    /** An array of floats (momentum). */
    record Floats(String name, float[] values) implements StateArray {
        @Override
        public int length() {
            return values.length;
        }
    }

    /** An array of ints (the ever-active positions as a CSR pattern). */
    record Ints(String name, int[] values) implements StateArray {
        @Override
        public int length() {
            return values.length;
        }
    }
}

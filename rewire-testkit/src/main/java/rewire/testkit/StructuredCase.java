package rewire.testkit;

import java.util.function.Function;
import rewire.tensor.Rng;

/**
 * One problem of the {@link StructuredKernelContract}: a random {@code W : (rows, cols)} of one
 * format and activations of {@code batch} columns.
 *
 * @param structure what W holds, for the case's name ("2 of 10 diagonals")
 * @param large     whether the shape is over 2M multiply-adds, which the facade must split into
 *                  several chunks in every product
 * @param draw      a random W of the case's structure, values included
 */
record StructuredCase<M, P>(FormatAdapter<M, P> format, int rows, int cols, int batch, String structure,
                            boolean large, Function<Rng, M> draw) {

    /** A case small enough for one chunk. */
    static <M, P> StructuredCase<M, P> of(FormatAdapter<M, P> format, int rows, int cols, int batch,
                                          String structure, Function<Rng, M> draw) {
        return new StructuredCase<>(format, rows, cols, batch, structure, false, draw);
    }

    /** The same case, marked as one the facade must split. */
    StructuredCase<M, P> inSeveralChunks() {
        return new StructuredCase<>(format, rows, cols, batch, structure, true, draw);
    }

    /** A seed that depends only on what the case's name says. */
    long seed() {
        return toString().hashCode() * 1_000_003L;
    }

    /** The operands of the case, from its own seed. */
    StructuredOperands<M> operands() {
        Rng rng = new Rng(seed());
        M w = draw.apply(rng);
        return new StructuredOperands<>(w, RandomData.tensor(rng, cols, batch), RandomData.tensor(rng, rows, batch),
                RandomData.tensor(rng, rows, 1), RandomData.tensor(rng, rows, batch),
                RandomData.tensor(rng, cols, batch), RandomData.floats(rng, format.values(w).length));
    }

    @Override
    public String toString() {
        return "[" + format.name() + "] W " + rows + " x " + cols + " with " + structure + ", batch " + batch;
    }
}

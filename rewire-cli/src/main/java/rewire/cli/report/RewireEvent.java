package rewire.cli.report;

/**
 * One layer's part of one topology update (a line of rewire.jsonl). Counts the line does not
 * carry are 0 ({@code nnz} is -1); doubles it does not carry are NaN.
 *
 * @param step            the optimizer step of the update
 * @param pruned          connections removed
 * @param grown           connections added
 * @param regrown         added connections that an earlier update had removed
 * @param nnz             stored weights after the update, or -1 when not logged
 * @param density         nnz / (in · out) after the update
 * @param explorationRate the engine's exploration rate for this layer
 * @param representation  {@code CSR} or {@code DENSE_MASKED}; empty when not written
 */
public record RewireEvent(long step, long pruned, long grown, long regrown, long nnz, double density,
                          double explorationRate, String representation) {
}

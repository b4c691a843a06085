package rewire.sparsity.ch;

/**
 * How CHT picks the links to grow from their Cannistraci-Hebb scores (METHODS E.3). The two
 * reference codes disagree, so both are offered.
 */
public enum RegrowSampling {
    /** The {@code k} best scores, ties to the lower position (the NeurIPS 2025 LLM code). */
    TOP_K,
    /**
     * {@code k} positions drawn without replacement with probability proportional to the score,
     * with no temperature; when fewer than {@code k} candidates score above 0, every candidate's
     * score is first raised by {@link CannistraciHebb#ZERO_SCORE_LIFT} (the soft rule of CHTs in
     * the MLP and Transformer code).
     */
    PROPORTIONAL
}

package rewire.models.gpt;

import rewire.tensor.Rng;

/**
 * A token stream cut into random contiguous blocks, as nanoGPT samples its training batches: a
 * batch is {@code B} blocks of {@code T + 1} consecutive tokens at uniformly random offsets; the
 * inputs are the first {@code T} tokens of each block and the targets the last {@code T}.
 * Column {@code b·T + t} of a batch is token t of block b.
 */
public final class TokenBlocks {
    private final int[] tokens;

    public TokenBlocks(int[] tokens) {
        this.tokens = tokens;
    }

    public int length() {
        return tokens.length;
    }

    /** The first {@code fraction} of {@code tokens} and the rest: nanoGPT's 90/10 split with 0.9. */
    public static TokenBlocks[] split(int[] tokens, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("train fraction must be in (0, 1), got " + fraction);
        }
        int cut = (int) (tokens.length * fraction);
        return new TokenBlocks[] {new TokenBlocks(java.util.Arrays.copyOfRange(tokens, 0, cut)),
            new TokenBlocks(java.util.Arrays.copyOfRange(tokens, cut, tokens.length))};
    }

    /**
     * Fills {@code inputs} and {@code targets} (each {@code batch · seqLen}) with {@code batch}
     * blocks drawn from {@code rng}.
     */
    public void sample(Rng rng, int batch, int seqLen, int[] inputs, int[] targets) {
        if (tokens.length < seqLen + 1) {
            throw new IllegalArgumentException("a text of " + tokens.length + " tokens is too short for blocks of "
                    + seqLen + " + 1 tokens");
        }
        if (inputs.length != batch * seqLen || targets.length != batch * seqLen) {
            throw new IllegalArgumentException("inputs and targets must hold batch · seqLen = " + batch * seqLen
                    + " tokens, got " + inputs.length + " and " + targets.length);
        }
        for (int b = 0; b < batch; b++) {
            int offset = rng.nextInt(tokens.length - seqLen);
            System.arraycopy(tokens, offset, inputs, b * seqLen, seqLen);
            System.arraycopy(tokens, offset + 1, targets, b * seqLen, seqLen);
        }
    }

    /**
     * How many consecutive blocks of {@code seqLen + 1} tokens, each starting where the previous one's
     * inputs end, the stream holds: every token after the first is a target of exactly one of them
     * (up to the last {@code seqLen} or fewer, which no whole block covers).
     */
    public int consecutiveBlocks(int seqLen) {
        return Math.max(0, (tokens.length - 1) / seqLen);
    }

    /**
     * Fills {@code inputs} and {@code targets} (each {@code count · seqLen}) with the consecutive
     * blocks {@code first} to {@code first + count - 1}: block k has inputs
     * {@code tokens[k·seqLen, (k+1)·seqLen)} and targets one token further.
     */
    public void consecutive(int first, int count, int seqLen, int[] inputs, int[] targets) {
        if (first < 0 || count < 0 || first + count > consecutiveBlocks(seqLen)) {
            throw new IllegalArgumentException("blocks " + first + " to " + (first + count - 1) + " of "
                    + consecutiveBlocks(seqLen) + " (a stream of " + tokens.length + " tokens, blocks of " + seqLen
                    + " + 1)");
        }
        if (inputs.length != count * seqLen || targets.length != count * seqLen) {
            throw new IllegalArgumentException("inputs and targets must hold count · seqLen = " + count * seqLen
                    + " tokens, got " + inputs.length + " and " + targets.length);
        }
        for (int b = 0; b < count; b++) {
            int offset = (first + b) * seqLen;
            System.arraycopy(tokens, offset, inputs, b * seqLen, seqLen);
            System.arraycopy(tokens, offset + 1, targets, b * seqLen, seqLen);
        }
    }
}

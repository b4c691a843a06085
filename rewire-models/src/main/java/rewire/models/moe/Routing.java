package rewire.models.moe;

import java.util.Arrays;

/**
 * Where a top-k router sent each of N tokens: per token the k experts it chose (best first), per
 * expert the tokens it serves (in token order) and each one's gate. The gates of a token are the
 * softmax of its k chosen logits, so they sum to 1; an expert a token did not choose has gate 0
 * and never sees the token.
 */
public final class Routing {
    private final int experts;
    private final int k;
    private final int[][] chosen;      // (N, k): token t's experts, best first
    private final float[][] weights;   // (N, k): their gates
    private final int[][] tokens;      // per expert: the tokens it serves, ascending
    private final float[][] gates;     // per expert: those tokens' gates

    Routing(int experts, int k, int[][] chosen, float[][] weights) {
        this.experts = experts;
        this.k = k;
        this.chosen = chosen;
        this.weights = weights;
        int[] count = new int[experts];
        for (int[] c : chosen) {
            for (int e : c) {
                count[e]++;
            }
        }
        tokens = new int[experts][];
        gates = new float[experts][];
        for (int e = 0; e < experts; e++) {
            tokens[e] = new int[count[e]];
            gates[e] = new float[count[e]];
        }
        int[] fill = new int[experts];
        for (int t = 0; t < chosen.length; t++) {
            for (int s = 0; s < k; s++) {
                int e = chosen[t][s];
                tokens[e][fill[e]] = t;
                gates[e][fill[e]++] = weights[t][s];
            }
        }
    }

    public int experts() {
        return experts;
    }

    /** Experts per token. */
    public int k() {
        return k;
    }

    /** Tokens routed. */
    public int tokenCount() {
        return chosen.length;
    }

    /** The experts token {@code t} chose, best first. */
    public int[] chosen(int t) {
        return chosen[t].clone();
    }

    /** The gates of token {@code t}'s chosen experts, in {@link #chosen} order. */
    float[] weights(int t) {
        return weights[t];
    }

    /** The tokens expert {@code e} serves, ascending. */
    public int[] tokens(int e) {
        return tokens[e].clone();
    }

    /** Those tokens' gates for expert {@code e}, aligned with {@link #tokens}. */
    public float[] gates(int e) {
        return gates[e].clone();
    }

    /** The share of the {@code k·N} token slots expert {@code e} serves. */
    public double load(int e) {
        return chosen.length == 0 ? 0 : (double) tokens[e].length / ((long) k * chosen.length);
    }

    @Override
    public String toString() {
        double[] loads = new double[experts];
        for (int e = 0; e < experts; e++) {
            loads[e] = Math.round(load(e) * 1000) / 1000.0;
        }
        return "Routing(" + chosen.length + " tokens, top-" + k + ", loads " + Arrays.toString(loads) + ")";
    }
}

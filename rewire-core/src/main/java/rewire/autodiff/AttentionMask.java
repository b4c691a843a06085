package rewire.autodiff;

import rewire.sparse.SparsityPattern;

/**
 * Which keys a query may attend to in self-attention. Every pattern but {@link Kind#FULL} is
 * causal ({@code k ≤ q}); every pattern lets a query see itself. The sparse patterns are those of Sparse
 * Transformers (Child, Gray, Radford and Sutskever, "Generating Long Sequences with Sparse
 * Transformers", 2019) as Mixed Sparsity Training uses them for its hybrid sparse attention
 * (Hu et al., TMLR 2025), with window or stride {@code c}:
 * <ul>
 * <li>{@link Kind#CAUSAL}: every earlier key;</li>
 * <li>{@link Kind#LOCAL}: {@code q - k < c};</li>
 * <li>{@link Kind#STRIDED}: {@code (q - k) mod c == 0};</li>
 * <li>{@link Kind#SPARSE}: local or strided (their union);</li>
 * <li>{@link Kind#FULL}: every key of the sequence, later ones included: an encoder's
 *     bidirectional attention, as the vision transformer's tokens attend to each other (Dosovitskiy
 *     et al., "An Image is Worth 16x16 Words", ICLR 2021).</li>
 * </ul>
 *
 * @param kind  the pattern
 * @param width the window or stride {@code c}; ignored (1) for {@link Kind#CAUSAL} and {@link Kind#FULL}
 */
public record AttentionMask(Kind kind, int width) {

    /** The patterns; see the class documentation. */
    public enum Kind { CAUSAL, LOCAL, STRIDED, SPARSE, FULL }

    public AttentionMask {
        if (kind == null || width < 1) {
            throw new IllegalArgumentException("attention mask needs a kind and a width >= 1, got " + kind + ", " + width);
        }
    }

    public static AttentionMask causal() {
        return new AttentionMask(Kind.CAUSAL, 1);
    }

    /** Every query sees every key of its sequence. */
    public static AttentionMask full() {
        return new AttentionMask(Kind.FULL, 1);
    }

    /**
     * The mask named {@code name} (causal, local, strided, sparse or full) with window or stride
     * {@code width}.
     */
    public static AttentionMask named(String name, int width) {
        return switch (name) {
            case "causal", "dense" -> causal();
            case "local" -> new AttentionMask(Kind.LOCAL, width);
            case "strided" -> new AttentionMask(Kind.STRIDED, width);
            case "sparse" -> new AttentionMask(Kind.SPARSE, width);
            case "full" -> full();
            default -> throw new IllegalArgumentException("attention mask '" + name
                    + "' is not one of dense, causal, local, strided, sparse, full");
        };
    }

    /** Whether no query sees a later key: every pattern but {@link Kind#FULL}. */
    public boolean isCausal() {
        return kind != Kind.FULL;
    }

    /** Whether query {@code q} may attend to key {@code k}. */
    public boolean allows(int q, int k) {
        if (k > q) {
            return kind == Kind.FULL;
        }
        int gap = q - k;
        return switch (kind) {
            case CAUSAL -> true;
            case LOCAL -> gap < width;
            case STRIDED -> gap % width == 0;
            case SPARSE -> gap < width || gap % width == 0;
            case FULL -> true;
        };
    }

    /** Number of keys query {@code q} may attend to in a sequence of {@code length > q} tokens. */
    public int keyCount(int q, int length) {
        return switch (kind) {
            case FULL -> length;
            case CAUSAL -> q + 1;
            case LOCAL -> Math.min(q + 1, width);
            case STRIDED -> q / width + 1;
            case SPARSE -> Math.min(q + 1, width) + (q >= width ? q / width : 0);
        };
    }

    /** Number of (query, key) pairs allowed in a sequence of {@code length} tokens. */
    public long allowedPairs(int length) {
        long count = 0;
        for (int q = 0; q < length; q++) {
            count += keyCount(q, length);
        }
        return count;
    }

    /**
     * The allowed pairs of a sequence of {@code length} tokens as a {@code (length, length)}
     * pattern, query rows and key columns, built in time proportional to their number.
     */
    public SparsityPattern pattern(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("pattern: length must be >= 1, got " + length);
        }
        int[] rowPtr = new int[length + 1];
        int[] keys = new int[Math.toIntExact(allowedPairs(length))];
        int e = 0;
        for (int q = 0; q < length; q++) {
            rowPtr[q] = e;
            if (kind == Kind.FULL) {
                for (int k = 0; k < length; k++) {
                    keys[e++] = k;
                }
                continue;
            }
            int window = kind == Kind.STRIDED ? 1 : kind == Kind.CAUSAL ? q + 1 : Math.min(q + 1, width);
            if (kind == Kind.STRIDED || kind == Kind.SPARSE) {
                // gaps that are multiples of the stride beyond the local window, farthest key first
                for (int gap = q / width * width; gap >= window; gap -= width) {
                    keys[e++] = q - gap;
                }
            }
            for (int gap = window - 1; gap >= 0; gap--) {
                keys[e++] = q - gap;
            }
        }
        rowPtr[length] = e;
        return SparsityPattern.of(length, length, rowPtr, keys);
    }
}

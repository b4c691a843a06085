package rewire.simd;

/**
 * Sampled dense-dense product on a constant fan-in pattern,
 * {@code out[r * k + t] (+)= dot(a[r, :], b[colIdx[r * k + t], :])}: the weight gradient of a
 * fan-in layer on feature-major activations.
 *
 * <p>A row of a condensed pattern is a CSR row whose bounds are computed ({@code r * k} to
 * {@code r * k + k}), so each row runs {@link Sddmm}'s row kernel, including its aligned grid for a
 * batch of eight vectors: a slice of {@code a}'s row in registers while the row's entries stream
 * by. Interleaving two rows here would double the registers the held slices take (sixteen on
 * AVX2) or halve the slice, and so double the horizontal sums per entry. An entry's arithmetic
 * depends only on {@code n} and the vector width, never on the row range.
 */
final class FanInSampledMult {
    private FanInSampledMult() {
    }

    static void run(int k, int[] colIdx, float[] a, float[] b, int n, float[] out, int rowFrom, int rowTo,
                    boolean accumulate) {
        if (n == 1) { // no vector dimension: out[e] (+)= a[r] * b[c]
            for (int e = rowFrom * k; e < rowTo * k; e++) {
                float p = a[e / k] * b[colIdx[e]];
                out[e] = accumulate ? out[e] + p : p;
            }
            return;
        }
        int lead = n == 8 * Lanes.L ? Alignment.lead(b) : 0;
        for (int r = rowFrom; r < rowTo; r++) {
            Sddmm.entries(colIdx, a, b, n, out, r, r * k, r * k + k, accumulate, lead);
        }
    }
}

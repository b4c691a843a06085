package rewire.bench;

import java.util.Arrays;
import rewire.kernel.Kernels;
import rewire.sparse.DiagonalPattern;
import rewire.sparsity.Diagonals;

/**
 * The structured storage formats the layer benchmarks compare with CSR, by the name they carry in
 * {@link StructuredLinearBenchmark}'s {@code weights} parameter and in reports: how many entries
 * each has at a density, how its structure reads in a table, and its layer products. At density
 * {@code d} of an {@code out x in} layer: DynaDiag's {@code K = ceil(d * out * in / D)} diagonals,
 * a fan-in of {@code k = ceil(d * in)} per row (the same entries as K diagonals on a square
 * layer), the K diagonals' {@code K * D} entries as whole {@code br x bc} blocks (rounded to whole
 * blocks; exact at 1000x1000 and 4096x4096), or N:M, which exists only at {@code d = N / M}.
 */
enum StructuredFormat {
    DIAGONAL("diagonal", 0, 0),
    FAN_IN("fanin", 0, 0),
    BLOCK_4X4("block4x4", 4, 4),
    BLOCK_1X16("block1x16", 1, 16),
    NM_2_4("nm2:4", 2, 4),
    NM_1_8("nm1:8", 1, 8);

    private final String param;
    // N and M of N:M, or the block's rows and columns; 0 for the others
    private final int n;
    private final int m;

    StructuredFormat(String param, int n, int m) {
        this.param = param;
        this.n = n;
        this.m = m;
    }

    /** The format named {@code param}, or an error listing the names. */
    static StructuredFormat of(String param) {
        return Arrays.stream(values()).filter(f -> f.param.equals(param)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no structured format " + param + "; formats are "
                        + Arrays.stream(values()).map(StructuredFormat::param).toList()));
    }

    /** The name in the benchmark's {@code weights} parameter and in reports. */
    String param() {
        return param;
    }

    /** Whether the format has a layer at {@code density}: N:M only at N / M. */
    boolean fits(double density) {
        return !isNm() || Math.abs(density - (double) n / m) < 1e-9;
    }

    private boolean isNm() {
        return this == NM_2_4 || this == NM_1_8;
    }

    /** K (diagonals), k (entries a row) or blocks at {@code density}; N for N:M. */
    int count(int out, int in, double density) {
        return switch (this) {
            case DIAGONAL -> Diagonals.budget(out, in, density);
            case FAN_IN -> (int) Math.ceil(density * in - 1e-9);
            case BLOCK_4X4, BLOCK_1X16 ->
                    (int) Math.round((double) DIAGONAL.count(out, in, density) * DiagonalPattern.length(out, in) / (n * m));
            case NM_2_4, NM_1_8 -> n;
        };
    }

    /** The format's entries over {@code out * in} at {@code density}. */
    double actualDensity(int out, int in, double density) {
        int c = count(out, in, density);
        return switch (this) {
            case DIAGONAL -> (double) c * DiagonalPattern.length(out, in) / ((double) out * in);
            case FAN_IN -> (double) c / in;
            case BLOCK_4X4, BLOCK_1X16 -> (double) c * n * m / ((double) out * in);
            case NM_2_4, NM_1_8 -> (double) n / m;
        };
    }

    /** The structure at {@code density} for a table: "K = 100", "k = 100", "6250 blocks of 4x4", "2:4". */
    String structure(int out, int in, double density) {
        return switch (this) {
            case DIAGONAL -> "K = " + count(out, in, density);
            case FAN_IN -> "k = " + count(out, in, density);
            case BLOCK_4X4, BLOCK_1X16 -> count(out, in, density) + " blocks of " + n + "x" + m;
            case NM_2_4, NM_1_8 -> n + ":" + m;
        };
    }

    /** The layer's products in this format at {@code density}, on random entries and values. */
    LayerProducts products(Kernels kernels, LayerOperands l, double density) {
        if (!fits(density)) {
            throw new IllegalArgumentException(param + " has density " + n + "/" + m + ", not " + density);
        }
        int c = count(l.out(), l.in(), density);
        return switch (this) {
            case DIAGONAL -> LayerProducts.diagonal(kernels, l, c);
            case FAN_IN -> LayerProducts.fanIn(kernels, l, c);
            case BLOCK_4X4, BLOCK_1X16 -> LayerProducts.block(kernels, l, n, m, c);
            case NM_2_4, NM_1_8 -> LayerProducts.nm(kernels, l, n, m);
        };
    }
}

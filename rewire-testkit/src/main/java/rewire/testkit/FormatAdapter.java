package rewire.testkit;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;
import rewire.kernel.StructuredProducts;
import rewire.sparse.CsrMatrix;
import rewire.testkit.ContractChecks.RowRangeCall;

/**
 * What the {@link StructuredKernelContract} needs to know about one storage format: its products
 * under {@link Kernels}, its cases, how to rebuild a matrix over other values and to see it in
 * CSR form, and its two SPI calls with the ranges they are split over. Everything else in the
 * contract is written once against {@link StructuredProducts}. A format hands the accessors of
 * its matrix class to the constructor, since the matrix classes share no interface.
 *
 * @param <M> the format's matrix
 * @param <P> the format's pattern
 */
abstract class FormatAdapter<M, P> {
    private final String name;
    private final Function<Kernels, StructuredProducts<M, P>> products;
    private final Function<M, P> pattern;
    private final Function<M, float[]> values;
    private final BiFunction<M, float[], M> withValues;
    private final Function<M, CsrMatrix> toCsr;

    /**
     * @param name       a short name that opens each case's name, so a failure says which format it is in
     * @param products   the format's part of the facade
     * @param values     the matrix's values in the format's entry order
     * @param withValues the same structure over other values, in the format's entry order
     */
    FormatAdapter(String name, Function<Kernels, StructuredProducts<M, P>> products, Function<M, P> pattern,
                  Function<M, float[]> values, BiFunction<M, float[], M> withValues, Function<M, CsrMatrix> toCsr) {
        this.name = name;
        this.products = products;
        this.pattern = pattern;
        this.values = values;
        this.withValues = withValues;
        this.toCsr = toCsr;
    }

    /** The problems to run: small shapes of every kind and the format's edge cases, then large ones. */
    abstract List<StructuredCase<M, P>> cases();

    /**
     * {@code y (+)= W · x} (with {@code transpose}: {@code Wᵀ · x}), then ReLU when {@code relu},
     * each output row's sum starting from {@code rowStart} (null for none): the SPI call the
     * facade splits, over the ranges it splits.
     */
    abstract SpiCall mult(KernelProvider p, M w, boolean transpose, float[] x, float[] rowStart, int n,
                          boolean accumulate, boolean relu);

    /** {@code out (+)= (a · bᵀ)} on W's entries, in the format's entry order: the SPI call and its ranges. */
    abstract SpiCall sampledMult(KernelProvider p, M w, float[] a, float[] b, int n, boolean accumulate);

    final String name() {
        return name;
    }

    final StructuredProducts<M, P> products(Kernels k) {
        return products.apply(k);
    }

    final P pattern(M w) {
        return pattern.apply(w);
    }

    final float[] values(M w) {
        return values.apply(w);
    }

    final M withValues(M w, float[] v) {
        return withValues.apply(w, v);
    }

    final CsrMatrix toCsr(M w) {
        return toCsr.apply(w);
    }

    /**
     * Where each entry lands in {@code toCsr()}: entry {@code e} is CSR entry {@code csrEntries(w)[e]}.
     * Found by converting a matrix whose values are the entries' own indices, so it is whatever
     * {@code toCsr()} does (float holds every index up to 2²⁴ exactly).
     */
    final int[] csrEntries(M w) {
        float[] index = new float[values(w).length];
        for (int e = 0; e < index.length; e++) {
            index[e] = e;
        }
        float[] landed = toCsr(withValues(w, index)).values();
        if (landed.length != index.length) {
            throw new AssertionError(name() + ": toCsr() holds " + landed.length + " entries, the matrix "
                    + index.length);
        }
        int[] csrEntry = new int[index.length];
        for (int c = 0; c < landed.length; c++) {
            csrEntry[(int) landed[c]] = c;
        }
        return csrEntry;
    }

    /**
     * One SPI call over ranges of its own rows: {@code ranges} of them, {@code rangeOfOutput[i]}
     * the range that writes output {@code i}.
     */
    record SpiCall(int ranges, int[] rangeOfOutput, RowRangeCall call) {
    }
}

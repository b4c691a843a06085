package rewire.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import rewire.kernel.KernelProvider;
import rewire.kernel.Kernels;
import rewire.kernel.Parallel;
import rewire.testkit.KernelContract.NamedRun;

/**
 * The checks that the kernel contracts ({@link KernelContract} for CSR and dense,
 * {@link StructuredKernelContract} for the structured formats) share: tolerance against the
 * scalar reference, bitwise invariance under the thread count, and the SPI's row-range promises.
 */
final class ContractChecks {
    private static final int[] THREADS = {1, 2, 3};

    /** Writes the outputs of rows {@code [from, to)} into {@code out}, through the SPI. */
    @FunctionalInterface
    interface RowRangeCall {
        void run(float[] out, int from, int to);
    }

    private ContractChecks() {
    }

    /**
     * {@code run} on {@code kernels} is within tolerance of the same run on {@code oracle}, or bit
     * for bit when the run is exact; the tolerance comes from the oracle run on {@code absOperands}.
     */
    static <T> void assertMatchesOracle(Kernels oracle, Kernels kernels, String what, T operands, T absOperands,
                                        NamedRun<T> run) {
        float[] want = run.body().apply(oracle, operands);
        float[] got = run.body().apply(kernels, operands);
        if (run.exact()) {
            FloatChecks.assertBitwiseEqual(what + " vs scalar reference", want, got);
        } else {
            float[] absTermSums = run.body().apply(oracle, absOperands);
            FloatChecks.assertClose(what + " vs scalar reference", want, got, absTermSums);
        }
    }

    /** 1, 2 and 3 threads give the same bits; when {@code mustSplit}, the 2-thread run made more kernel calls. */
    static <T> void assertThreadCountInvariant(KernelProvider provider, String what, T operands, NamedRun<T> run,
                                               boolean mustSplit) {
        float[] one = null;
        int callsWithOneThread = 0;
        for (int threads : THREADS) {
            CountingProvider counting = new CountingProvider(provider);
            try (Parallel parallel = new Parallel(threads)) {
                float[] got = run.body().apply(new Kernels(counting, null, parallel, "test"), operands);
                if (one == null) {
                    one = got;
                    callsWithOneThread = counting.calls();
                } else {
                    FloatChecks.assertBitwiseEqual(what + ": " + threads + " threads vs 1 thread", one, got);
                    assertTrue(!mustSplit || counting.calls() > callsWithOneThread, what + ": expected the "
                            + threads + "-thread run to use several chunks, made " + counting.calls()
                            + " kernel calls vs " + callsWithOneThread + " with 1 thread");
                }
            }
        }
    }

    /**
     * Checks the SPI's row-range promises: the whole range in one call equals the same range in
     * three calls made in reverse order, bit for bit; and a call on a middle range writes
     * exactly the outputs owned by its rows. {@code rowOfOutput[i]} is the row that writes
     * output {@code i}; {@code initial} is the output's content before the calls.
     */
    static void assertRowRange(String what, int rows, int[] rowOfOutput, float[] initial, RowRangeCall call) {
        int cut1 = rows / 3;
        int cut2 = 2 * rows / 3;
        float[] whole = initial.clone();
        call.run(whole, 0, rows);

        float[] pieces = initial.clone();
        int[] bounds = {cut2, rows, cut1, cut2, 0, cut1};
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] < bounds[i + 1]) {
                call.run(pieces, bounds[i], bounds[i + 1]);
            }
        }
        FloatChecks.assertBitwiseEqual(what + ": rows [0, " + rows + ") in three calls vs one", whole, pieces);

        if (cut1 < cut2) {
            float[] middle = initial.clone();
            call.run(middle, cut1, cut2);
            for (int i = 0; i < middle.length; i++) {
                boolean inRange = rowOfOutput[i] >= cut1 && rowOfOutput[i] < cut2;
                float want = inRange ? whole[i] : initial[i];
                if (Float.floatToRawIntBits(want) != Float.floatToRawIntBits(middle[i])) {
                    throw new AssertionError(what + ": a call on rows [" + cut1 + ", " + cut2 + ") "
                            + (inRange ? "computed " + middle[i] + " instead of " + want : "wrote " + middle[i])
                            + " at output " + i + " owned by row " + rowOfOutput[i]);
                }
            }
        }
    }

    /** The owner row of each element of a {@code (rows, width)} output: element i belongs to row {@code i / width}. */
    static int[] rowsOfWidth(int rows, int width) {
        int[] owner = new int[rows * width];
        for (int i = 0; i < owner.length; i++) {
            owner[i] = i / width;
        }
        return owner;
    }
}

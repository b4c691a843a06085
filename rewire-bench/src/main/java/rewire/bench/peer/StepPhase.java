package rewire.bench.peer;

import java.util.List;

/**
 * A part of one training step of the peer MLP, named by the frames that mark it: what a
 * {@link StepProfile} splits the step's time into. Whether a part scales with the weights'
 * nonzeros is what the per-step table is for: at 1% density every part that does not is what
 * keeps the epoch from falling in proportion to density.
 */
enum StepPhase {
    // Checked in this order; a sample goes to the first phase with a marker anywhere in its stack,
    // so a phase that calls another's code (a topology update running GEMMs, a sparse kernel
    // gating by the ReLU) comes before it.
    TOPOLOGY("topology updates (prune, grow, apply)", false, "rewire.train.RewireHook", "rewire.sparsity."),
    BATCH("batch fill (gather, standardize, transpose)", false, "rewire.data.Batch"),
    OPTIMIZER("optimizer and gradient clearing", true, "rewire.optim.", "rewire.nn.Param.zeroGrad"),
    ACTIVATION("ReLU passes (clamp, gradient gate)", false, "rewire.simd.OnGrid."),
    BIAS("bias gradient (row sums)", false, "rewire.autodiff.LinearOps.addBiasGrad"),
    LOSS("loss and accuracy (softmax cross-entropy)", false, "rewire.autodiff.Losses.",
            "rewire.models.classify.ClassificationWorkload.correct"),
    SPARSE("sparse products (SpMM forward and input grad, SDDMM weight grad)", true, "rewire.simd.Spmm",
            "rewire.simd.Sddmm", "rewire.kernel.Kernels.spmm", "rewire.kernel.Kernels.sampledMultTransB",
            "rewire.kernel.ScalarKernels.spmm", "rewire.kernel.ScalarKernels.sddmm"),
    DENSE("dense products (GEMM: dense and dense-with-mask layers)", false, "rewire.kernel.NativeBlas",
            "rewire.kernel.Kernels.gemm", "rewire.kernel.ScalarKernels.gemm", "rewire.simd.Gemm"),
    HOOKS("metrics, FLOP counting, timing hooks", false, "rewire.train.FlopHook", "rewire.train.MetricsHook",
            "rewire.train.Progress", "rewire.bench.peer.EpochClock"),
    FRAMEWORK("tape, graph and step bookkeeping", false, "rewire.autodiff.", "rewire.nn.", "rewire.tensor.",
            "rewire.train.", "rewire.models."),
    OTHER("other (JVM, outside the step)", false);

    private final String label;
    private final boolean scalesWithNnz;
    private final List<String> markers;

    StepPhase(String label, boolean scalesWithNnz, String... markers) {
        this.label = label;
        this.scalesWithNnz = scalesWithNnz;
        this.markers = List.of(markers);
    }

    String label() {
        return label;
    }

    /** Whether the part's work is proportional to the sparse layers' nonzeros. */
    boolean scalesWithNnz() {
        return scalesWithNnz;
    }

    /** The phase of a stack (frames as "class.method", in any order). */
    static StepPhase of(List<String> frames) {
        for (StepPhase p : values()) {
            for (String f : frames) {
                if (p.marks(f)) {
                    return p;
                }
            }
        }
        return OTHER;
    }

    private boolean marks(String frame) {
        for (String m : markers) {
            if (frame.startsWith(m)) {
                return true;
            }
        }
        return false;
    }
}

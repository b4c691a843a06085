package rewire.train;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import rewire.io.Checkpoint;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;

/**
 * Counts training FLOPs as the run goes (RigL's accounting, see {@link FlopCounter}), one counter
 * per parameter group: every step with the layers' current nnz and the examples the group's layers
 * saw ({@link StepResult#examplesOf}; none when it did not train at that step), update steps of
 * gradient-based growth with the dense weight gradient, the per-step dense gradient of momentum growth (SNFS) and
 * the scoring of growth candidates at an update (Cannistraci-Hebb link prediction, from the
 * group's {@link RewireHook#lastReport}) as overhead; plus, for the workload as a whole, its
 * forward-only passes and products between activations (attention) as it reports them; and the
 * dense twin alongside for the ratio.
 */
public final class FlopHook implements Hook {
    private static final String PREFIX = "flops/";

    private final Map<ParamGroup, FlopCounter> counters = new LinkedHashMap<>();
    private final Map<ParamGroup, Map<String, Integer>> indexByName = new HashMap<>();
    private final SparsityHooks sparsity;
    private long outsideFlops;
    private long outsideDenseFlops;

    /** @param sparsity the run's sparsity hooks (which groups rewired at a step) */
    public FlopHook(Workload workload, SparsityHooks sparsity) {
        this.sparsity = sparsity;
        for (ParamGroup g : workload.groups()) {
            if (g.flopLayers().isEmpty()) {
                continue;
            }
            counters.put(g, new FlopCounter(g.flopLayers()));
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < g.flopLayers().size(); i++) {
                index.put(g.flopLayers().get(i).name(), i);
            }
            indexByName.put(g, index);
        }
    }

    /** Training FLOPs so far, every group and the workload's own products. */
    public long trainingFlops() {
        long sum = outsideFlops;
        for (FlopCounter c : counters.values()) {
            sum += c.trainingFlops();
        }
        return sum;
    }

    /** The dense twin's training FLOPs for the same steps. */
    public long denseTwinTrainingFlops() {
        long sum = outsideDenseFlops;
        for (FlopCounter c : counters.values()) {
            sum += c.denseTwinTrainingFlops();
        }
        return sum;
    }

    /** FLOPs of one forward pass of one example with the current layers, every group. */
    public long inferenceFlops() {
        return counters.values().stream().mapToLong(c -> c.inferenceFlops(1)).sum();
    }

    /** The same for the dense twin. */
    public long denseInferenceFlops() {
        return counters.values().stream().mapToLong(c -> c.denseInferenceFlops(1)).sum();
    }

    @Override
    public void onStart(TrainState state) {
        counters.keySet().forEach(this::syncNnz);
    }

    @Override
    public void afterStep(TrainState state, StepResult result) {
        for (Map.Entry<ParamGroup, FlopCounter> e : counters.entrySet()) {
            int examples = Math.toIntExact(result.examplesOf(e.getKey().name()));
            RewireHook rewire = sparsity.rewireOf(e.getKey());
            boolean updated = rewire != null && rewire.updatedThisStep();
            // every step: besides the DST engine, DynaDiag's freeze changes the patterns (before the step)
            syncNnz(e.getKey());
            if (updated) {
                e.getValue().recordOverhead(rewire.lastReport().scoringFlops());
            }
            if (examples == 0) {
                continue;  // the group did not train at this step (a GAN's generator between its updates)
            }
            e.getValue().recordStep(examples, updated, updated && rewire.rewirer().grow().needsDenseGradient());
            if (rewire != null && rewire.rewirer().grow().needsDenseMomentum()) {
                e.getValue().recordOverhead(denseGradientFlops(e.getKey(), e.getValue(), examples));
            }
        }
        Workload.ForwardFlops forward = state.workload().takeForwardOnlyFlops();
        if (forward != null) {
            addOutside(forward.sparse(), forward.dense());
        }
        Workload.ActivationFlops products = state.workload().takeActivationFlops();
        if (products != null) {
            addOutside(products.actual(), products.dense());
        }
    }

    private void addOutside(long flops, long dense) {
        outsideFlops = Math.addExact(outsideFlops, flops);
        outsideDenseFlops = Math.addExact(outsideDenseFlops, dense);
    }

    // SNFS folds the dense weight gradient dy·xᵀ of every sparse layer into its momentum at every step
    private long denseGradientFlops(ParamGroup group, FlopCounter counter, int batch) {
        long flops = 0;
        for (SparseLinear l : group.sparseLayers()) {
            FlopCounter.Layer f = counter.layers().get(indexByName.get(group).get(l.weight().name()));
            long all = 2L * batch * f.denseSize() * f.positions();
            flops += f.share() == 1 ? all : Math.round(all * f.share());
        }
        return flops;
    }

    private void syncNnz(ParamGroup group) {
        FlopCounter counter = counters.get(group);
        for (SparseLinear l : group.sparseLayers()) {
            counter.setNnz(indexByName.get(group).get(l.weight().name()), l.weight().pattern().nnz());
        }
    }

    @Override
    public void save(Checkpoint.Builder c) {
        for (Map.Entry<ParamGroup, FlopCounter> e : counters.entrySet()) {
            FlopCounter.Totals t = e.getValue().totals();
            c.putText(PREFIX + e.getKey().name(), t.steps() + " " + t.updateSteps() + " " + t.training() + " "
                    + t.overhead() + " " + t.denseTwin());
        }
        c.putText(PREFIX + "outside", outsideFlops + " " + outsideDenseFlops);
    }

    @Override
    public void restore(Checkpoint c) {
        for (Map.Entry<ParamGroup, FlopCounter> e : counters.entrySet()) {
            long[] f = longs(c.text(PREFIX + e.getKey().name()), 5);
            e.getValue().restore(new FlopCounter.Totals(f[0], f[1], f[2], f[3], f[4]));
        }
        long[] outside = longs(c.text(PREFIX + "outside"), 2);
        outsideFlops = outside[0];
        outsideDenseFlops = outside[1];
    }

    private static long[] longs(String text, int count) {
        String[] parts = text.trim().split(" ");
        if (parts.length != count) {
            throw new IllegalArgumentException("FLOP totals '" + text + "' should hold " + count + " numbers");
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }
}

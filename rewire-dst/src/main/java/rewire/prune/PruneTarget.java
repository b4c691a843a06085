package rewire.prune;

import java.util.function.Consumer;
import java.util.function.Supplier;
import rewire.nn.InputObserver;
import rewire.nn.Param;

/**
 * One weight matrix a model lets one-shot pruning prune, and how to see the inputs of its layer.
 * Targets of one {@link #stage()} (a transformer block) see their inputs in the same calibration
 * pass and are pruned together before the next stage calibrates, as Wanda and SparseGPT prune
 * layer by layer.
 */
public final class PruneTarget {
    private final int stage;
    private final Param weight;
    private final Consumer<InputObserver> inputs;
    private final Supplier<float[]> gates;

    private PruneTarget(int stage, Param weight, Consumer<InputObserver> inputs, Supplier<float[]> gates) {
        if (stage < 0) {
            throw new IllegalArgumentException(weight.name() + ": stage must be >= 0, got " + stage);
        }
        this.stage = stage;
        this.weight = weight;
        this.inputs = inputs;
        this.gates = gates;
    }

    /**
     * The weight {@code (out, in)} of a linear layer whose inputs {@code inputs} shows, such as
     * {@code linear::observeInputs}.
     */
    public static PruneTarget of(int stage, Param weight, Consumer<InputObserver> inputs) {
        return new PruneTarget(stage, weight, inputs, null);
    }

    /**
     * An expert's weight: every input it sees comes from tokens the router sent to it, and
     * {@code gates} gives, while the layer computes, each of those tokens' gate for this expert
     * (aligned with the input's columns).
     */
    public static PruneTarget gated(int stage, Param weight, Consumer<InputObserver> inputs, Supplier<float[]> gates) {
        return new PruneTarget(stage, weight, inputs, gates);
    }

    public int stage() {
        return stage;
    }

    public Param weight() {
        return weight;
    }

    public String name() {
        return weight.name();
    }

    /** Whether the layer belongs to an expert whose tokens carry router gates. */
    public boolean gated() {
        return gates != null;
    }

    /** Sends every input the layer sees to {@code stats} (with the tokens' gates for an expert) until {@link #unwatch}. */
    public void watch(LayerStatistics stats) {
        inputs.accept(gates == null ? stats::add : x -> stats.add(x, gates.get()));
    }

    /** Stops sending inputs anywhere. */
    public void unwatch() {
        inputs.accept(InputObserver.NONE);
    }

    @Override
    public String toString() {
        return "PruneTarget(" + name() + ", stage " + stage + (gated() ? ", gated" : "") + ")";
    }
}

package rewire.bench.peer;

import java.util.ArrayList;
import java.util.List;
import rewire.io.Checkpoint;
import rewire.train.Hook;
import rewire.train.ParamGroup;
import rewire.train.RewireHook;
import rewire.train.SparsityHooks;
import rewire.train.StepResult;
import rewire.train.TrainState;

/**
 * Times a run's topology updates without changing them, so that the peer benchmark can report
 * rewiring beside the training time instead of inside it: {@link #hooks} wraps each group's
 * {@link RewireHook} in a hook that passes every call on unchanged and clocks the calls in which
 * the DST engine rewires (the group's {@code beforeUpdate} at a step its rewirer marks as an update).
 */
final class RewireClock {
    /** What {@link #take} returns: seconds spent in topology updates and how many there were. */
    record Taken(double seconds, int updates) {
    }

    private long nanos;
    private int updates;

    /** The hooks of {@code sparsity} in their order ({@link SparsityHooks#all}), each rewiring hook timed. */
    List<Hook> hooks(SparsityHooks sparsity) {
        List<Hook> out = new ArrayList<>(sparsity.srSte());
        out.addAll(sparsity.diagonals());
        sparsity.rewire().forEach(h -> out.add(new Timed(h)));
        return out;
    }

    /** The updates since the last call (or since the start), and starts counting afresh. */
    Taken take() {
        Taken t = new Taken(nanos / 1e9, updates);
        nanos = 0;
        updates = 0;
        return t;
    }

    // a rewiring hook, every call passed on; its updates clocked
    private final class Timed implements Hook {
        private final RewireHook hook;

        Timed(RewireHook hook) {
            this.hook = hook;
        }

        @Override
        public void onStart(TrainState state) {
            hook.onStart(state);
        }

        @Override
        public void beforeStep(TrainState state) {
            hook.beforeStep(state);
        }

        @Override
        public boolean beforeUpdate(TrainState state, ParamGroup group) {
            if (group != hook.group() || !hook.rewirer().isUpdate(state.step())) {
                return hook.beforeUpdate(state, group);
            }
            long start = System.nanoTime();
            boolean skip = hook.beforeUpdate(state, group);
            nanos += System.nanoTime() - start;
            updates++;
            return skip;
        }

        @Override
        public void afterUpdate(TrainState state, ParamGroup group) {
            hook.afterUpdate(state, group);
        }

        @Override
        public void afterStep(TrainState state, StepResult result) {
            hook.afterStep(state, result);
        }

        @Override
        public void onEnd(TrainState state, Throwable failure) {
            hook.onEnd(state, failure);
        }

        @Override
        public void save(Checkpoint.Builder checkpoint) {
            hook.save(checkpoint);
        }

        @Override
        public void restore(Checkpoint checkpoint) {
            hook.restore(checkpoint);
        }
    }
}

package rewire.run;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import rewire.kernel.Kernels;
import rewire.train.Hook;
import rewire.train.TrainState;
import rewire.train.Trainer;
import rewire.train.Workload;

/**
 * Where a run's steps execute: in this process ({@link #singleProcess()}, the default), or on the
 * shards of a data-parallel engine ({@code rewire.dist}, chosen by the run's {@code dist}
 * configuration). A {@link RunSpec} names it, so a {@link TrainingRun} wires the same hooks,
 * run folder and checkpoints whatever executes the steps.
 *
 * <p>Call order: {@link #open} once per run; on the session {@link Session#stateHooks()} (before
 * a checkpoint is restored), {@link Session#run} once, {@link Session#close()} last.
 */
@FunctionalInterface
public interface Execution {

    /** Opens the execution of {@code workload}'s run; it may start an engine that {@link Session#close()} stops. */
    Session open(Workload workload, long seed, Kernels kernels);

    /** One run's execution. */
    interface Session extends AutoCloseable {

        /** Hooks whose state a checkpoint of the run must hold beyond the model (shards' residuals); none by default. */
        default List<Hook> stateHooks() {
            return List.of();
        }

        /**
         * Trains with {@code hooks} from {@code state.step()} to the end, or until {@code stop} says
         * so after a step.
         *
         * @param boundary true for a step count after which the hooks must see the current model
         *                 (evaluations, checkpoints): an engine that runs several steps at once
         *                 ends its round there
         */
        void run(TrainState state, List<Hook> hooks, LongPredicate boundary, BooleanSupplier stop);

        /** Live numbers for progress displays (rounds, bytes sent), keyed in camelCase; none by default. */
        default Map<String, Double> status() {
            return Map.of();
        }

        @Override
        default void close() {
        }
    }

    /** Every step in this process, by a {@link Trainer}. */
    static Execution singleProcess() {
        return (workload, seed, kernels) -> (state, hooks, boundary, stop) ->
                new Trainer(workload, hooks, kernels).run(state, stop);
    }
}

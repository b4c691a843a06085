package rewire.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import rewire.autodiff.Tape;
import rewire.kernel.Kernels;
import rewire.nn.Param;
import rewire.optim.Optim;
import rewire.optim.Slots;

/**
 * The training loop. Per step: clear the tape and every group's gradients, switch the modules to
 * training mode, let hooks prepare, run the workload's step (which calls back for backward and for
 * each group's update: hooks, where the DST engine rewires, then the group's optimizer unless a
 * hook asked to skip it), then let hooks log, evaluate and checkpoint.
 */
public final class Trainer {
    private final Workload workload;
    private final List<Hook> hooks;
    private final Tape tape;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    public Trainer(Workload workload, List<Hook> hooks, Kernels kernels) {
        this.workload = workload;
        this.hooks = List.copyOf(hooks);
        this.tape = new Tape(kernels);
    }

    /**
     * Trains {@code workload} for {@code steps} steps without a run folder and returns the last
     * evaluation: the short path for library use. Groups with a recipe are rewired (randomness
     * from {@code seed}).
     */
    public static Evaluation fit(Workload workload, long steps, long seed) {
        Kernels kernels = Kernels.defaults();
        List<Hook> hooks = new ArrayList<>(SparsityHooks.of(workload, seed, kernels, null).all());
        MetricsHook metrics = new MetricsHook(new MetricsHook.Settings(Math.max(1, steps), 0), null, null, null);
        hooks.add(metrics);
        new Trainer(workload, hooks, kernels).run(new TrainState(workload, new Slots(), 0, steps));
        return metrics.lastEvaluation();
    }

    public List<Hook> hooks() {
        return hooks;
    }

    /** Asks the loop to end after the step in flight; safe from any thread (a signal handler). */
    public void requestStop() {
        stopRequested.set(true);
    }

    /** Whether {@link #requestStop} was called. */
    public boolean stopRequested() {
        return stopRequested.get();
    }

    /**
     * Trains from {@code state.step()} to {@code state.totalSteps()}, or until {@link #requestStop}.
     *
     * @throws NonFiniteLossException when a loss stops being finite (hooks see it in onEnd)
     */
    public void run(TrainState state) {
        run(state, () -> false);
    }

    /** Trains as {@link #run(TrainState)} does, ending also after a step where {@code stop} is true. */
    public void run(TrainState state, BooleanSupplier stop) {
        try {
            drive(workload, hooks, state, () -> stopRequested.get() || stop.getAsBoolean(), this::step);
        } finally {
            tape.clear();
        }
    }

    /**
     * The frame every training loop shares: each group's optimizer initialised (its slots and their
     * roles, which the DST engine reads), every hook started, {@code advance} called while steps
     * remain and {@code stop} says nothing else, every hook ended with the failure if there was one.
     */
    public static void drive(Workload workload, List<Hook> hooks, TrainState state, BooleanSupplier stop,
                             Consumer<TrainState> advance) {
        initOptimizers(workload, state.slots());
        hooks.forEach(h -> h.onStart(state));
        Throwable failure = null;
        try {
            while (state.step() < state.totalSteps() && !stop.getAsBoolean()) {
                advance.accept(state);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            for (Hook h : hooks) {
                h.onEnd(state, failure);
            }
        }
    }

    /** Creates every trained group's missing optimizer slots in {@code slots} and registers their roles. */
    public static void initOptimizers(Workload workload, Slots slots) {
        for (ParamGroup g : workload.groups()) {
            if (!g.frozen()) {
                g.optimizer().init(g.params(), slots);
            }
        }
    }

    private void step(TrainState state) {
        tape.clear();
        for (ParamGroup g : workload.groups()) {
            g.params().forEach(Param::zeroGrad);
            g.module().train();
        }
        for (Hook h : hooks) {
            h.beforeStep(state);
        }
        StepResult result = workload.step(new StepContext(state.step(), tape,
                (group, step) -> update(hooks, state, group)));
        state.advance(result);
        for (Hook h : hooks) {
            h.afterStep(state, result);
        }
    }

    /**
     * Applies {@code group}'s update from its current gradients as training does: every hook's
     * {@link Hook#beforeUpdate} (the DST engine rewires here), the group's optimizer unless a hook
     * asked to skip it, every hook's {@link Hook#afterUpdate}. Other training loops (data-parallel
     * drivers) call it too, so a step's update is the same everywhere.
     */
    public static void update(List<Hook> hooks, TrainState state, ParamGroup group) {
        boolean skip = false;
        for (Hook h : hooks) {
            skip |= h.beforeUpdate(state, group);
        }
        if (!skip) {
            Optim.step(group.optimizer(), group.params(), state.slots(), state.step());
        }
        for (Hook h : hooks) {
            h.afterUpdate(state, group);
        }
    }
}

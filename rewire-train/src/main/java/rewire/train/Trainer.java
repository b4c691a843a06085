package rewire.train;

import java.util.List;
import rewire.autodiff.Tape;
import rewire.kernel.Kernels;
import rewire.nn.Module;
import rewire.nn.Param;
import rewire.optim.Optim;
import rewire.optim.Transform;

/**
 * The training loop. Per step: clear the tape and the gradients, record the workload's loss,
 * check it is finite, backward, let hooks act on the raw gradients (the DST engine rewires here),
 * apply the optimizer unless a hook asked to skip it, then let hooks log, evaluate and checkpoint.
 */
public final class Trainer {
    private final Workload workload;
    private final Transform optimizer;
    private final List<Hook> hooks;
    private final Tape tape;

    public Trainer(Workload workload, Transform optimizer, List<Hook> hooks, Kernels kernels) {
        this.workload = workload;
        this.optimizer = optimizer;
        this.hooks = List.copyOf(hooks);
        this.tape = new Tape(kernels);
    }

    /**
     * Trains {@code workload} for {@code steps} steps without a run folder and returns the final
     * evaluation: the short path for library use. With a {@code rewirer} the topology evolves
     * (randomness from {@code seed}); with null it stays as built.
     */
    public static Evaluation fit(Workload workload, Transform optimizer, rewire.sparsity.Rewirer rewirer, long steps,
                                 long seed) {
        Kernels kernels = Kernels.defaults();
        List<Hook> hooks = new java.util.ArrayList<>();
        if (rewirer != null) {
            hooks.add(new RewireHook(rewirer, workload, new rewire.tensor.Rng(seed), kernels, null, null));
        }
        MetricsHook metrics = new MetricsHook(null, new MetricsHook.Settings(Math.max(1, steps), 0), null, null, null);
        hooks.add(metrics);
        new Trainer(workload, optimizer, hooks, kernels).run(new TrainState(workload, new rewire.optim.Slots(), 0, steps));
        return metrics.lastEvaluation();
    }

    public List<Hook> hooks() {
        return hooks;
    }

    /**
     * Trains from {@code state.step()} to {@code state.totalSteps()}.
     *
     * @throws NonFiniteLossException when the loss stops being finite (hooks see it in onEnd)
     */
    public void run(TrainState state) {
        Module model = workload.model();
        List<Param> params = model.params();
        // creates missing slots and registers their roles, which the DST engine reads (SNFS)
        optimizer.init(params, state.slots());
        hooks.forEach(h -> h.onStart(state));
        Throwable failure = null;
        try {
            while (state.step() < state.totalSteps()) {
                step(state, model, params);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            tape.clear();
            for (Hook h : hooks) {
                h.onEnd(state, failure);
            }
        }
    }

    private void step(TrainState state, Module model, List<Param> params) {
        long step = state.step();
        tape.clear();
        params.forEach(Param::zeroGrad);
        model.train();
        for (Hook h : hooks) {
            h.beforeStep(state);
        }
        StepOutput out = workload.trainStep(tape, step);
        double loss = out.loss().item();
        if (!Double.isFinite(loss)) {
            throw new NonFiniteLossException(step, loss);
        }
        tape.backward(out.loss());
        boolean skip = false;
        for (Hook h : hooks) {
            skip |= h.beforeOptimizerStep(state, out);
        }
        if (!skip) {
            Optim.step(optimizer, params, state.slots(), step);
        }
        state.advance(loss);
        for (Hook h : hooks) {
            h.afterStep(state, out);
        }
    }
}

package rewire.bench.peer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.models.classify.ClassifyConfig;
import rewire.models.classify.ClassifyRuns;
import rewire.optim.Slots;
import rewire.run.RunSpec;
import rewire.train.Hook;
import rewire.train.RewireHook;
import rewire.train.SparsityHooks;
import rewire.train.StepResult;
import rewire.train.TrainState;
import rewire.train.Trainer;
import rewire.train.Workload;

/**
 * Times Rewire on the peer MLP's shape with very wide hidden layers ({@link ScaleModel}), static
 * or with dynamic sparse training: {@code --recipe static} keeps the Erdos-Renyi topology,
 * {@code set} replaces 30% of each layer's weights by random positions once per epoch (Mocanu et
 * al., 2018), {@code rigl} every 100 steps by the largest dense gradients (Evci et al., 2020),
 * otherwise with the recipe of {@code examples/mlp-rigl.yaml}, on Fashion-MNIST batches of 128.
 * Trains {@code warmup + steps} steps from step {@code --from} and prints one {@link ScaleResult}
 * line: the mean seconds of the timed steps that did not rewire and of those that did, and the
 * updates one epoch holds, from which the report extrapolates an epoch. A window that should
 * measure an update must contain one: SET's first update is at step 468, so its windows start
 * past step 268.
 *
 * <pre>
 * java -Xmx14g -cp benchmarks.jar rewire.bench.peer.ScaleRun --hidden 1000000 [--recipe set] [--from 300]
 *      [--epsilon 20] [--steps 200] [--warmup 1]
 * </pre>
 */
public final class ScaleRun {
    private ScaleRun() {
    }

    /** The command-line options. */
    record Options(int hidden, String recipe, double epsilon, int steps, int warmup, long from) {
        static Options parse(String[] args) {
            int hidden = 100_000;
            String recipe = "static";
            double epsilon = 20;
            int steps = 20;
            int warmup = 1;
            long from = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--hidden" -> hidden = Integer.parseInt(PeerRun.Options.value(args, ++i));
                    case "--recipe" -> recipe = PeerRun.Options.value(args, ++i);
                    case "--epsilon" -> epsilon = Double.parseDouble(PeerRun.Options.value(args, ++i));
                    case "--steps" -> steps = Integer.parseInt(PeerRun.Options.value(args, ++i));
                    case "--warmup" -> warmup = Integer.parseInt(PeerRun.Options.value(args, ++i));
                    case "--from" -> from = Long.parseLong(PeerRun.Options.value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (see ScaleRun's Javadoc)");
                }
            }
            if (steps < 1 || warmup < 0 || from < 0 || !List.of("static", "set", "rigl").contains(recipe)) {
                throw new IllegalArgumentException("need --recipe static|set|rigl, --steps >= 1, --warmup >= 0 and "
                        + "--from >= 0; got " + recipe + ", " + steps + ", " + warmup + ", " + from);
            }
            return new Options(hidden, recipe, epsilon, steps, warmup, from);
        }

        /** Epochs of the configured run: SET's once-per-epoch update first happens at the start of the second. */
        int epochs() {
            return recipe.equals("set") ? 2 : 1;
        }
    }

    public static void main(String[] args) throws IOException {
        System.out.println(ScaleResult.PREFIX + run(Options.parse(args)).toCsv());
    }

    static ScaleResult run(Options o) throws IOException {
        double density = ScaleModel.density(o.hidden(), o.epsilon());
        int hidden = o.hidden();
        List<String> overrides = List.of("name=scale", "model.hidden=[" + hidden + ", " + hidden + ", " + hidden + "]",
                "sparsity.recipe=" + o.recipe(), "sparsity.density=" + density, "sparsity.options=[distribution=er]",
                "train.epochs=" + o.epochs());
        ClassifyConfig config = Config.load(ClassifyConfig.class, Path.of("examples", "mlp-rigl.yaml"), overrides);
        Kernels kernels = Kernels.defaults();
        long built = System.nanoTime();
        RunSpec spec = ClassifyRuns.spec(config, kernels);
        Workload w = spec.workload();
        long nnz = w.groups().stream().flatMap(g -> g.sparseLayers().stream())
                .mapToLong(l -> l.weight().pattern().nnz()).sum();
        System.err.printf(Locale.ROOT, "built 784-%d-%d-%d-10 with %,d connections (density %.3g) in %.1f s%n", hidden,
                hidden, hidden, nnz, density, (System.nanoTime() - built) / 1e9);
        SparsityHooks sparsity = SparsityHooks.of(w, spec.seed(), kernels, null);
        StepClock clock = new StepClock(sparsity.rewire());
        List<Hook> hooks = new ArrayList<>(sparsity.all());
        hooks.add(clock);
        long end = o.from() + o.warmup() + o.steps();
        new Trainer(w, hooks, kernels).run(new TrainState(w, new Slots(), o.from(), end));
        System.err.printf(Locale.ROOT, "step seconds %s, rewired at %s%n", clock.seconds, clock.updates);
        String heap = Runtime.getRuntime().maxMemory() / (1 << 20) + "m";
        Timed timed = clock.after(o.from() + o.warmup());
        int perEpoch = updatesPerEpoch(sparsity.rewire(), w.stepsPerEpoch());
        return new ScaleResult(o.recipe(), hidden, nnz, density, o.steps(), timed.plainSeconds(), timed.updates(),
                timed.updateSeconds(), perEpoch, w.stepsPerEpoch(), PeakRss.mib(), heap);
    }

    // update steps among 1 .. stepsPerEpoch: SET's one at the epoch boundary, RigL's every 100 steps
    static int updatesPerEpoch(List<RewireHook> rewire, long stepsPerEpoch) {
        int n = 0;
        for (long s = 1; s <= stepsPerEpoch; s++) {
            long step = s;
            n += rewire.stream().anyMatch(h -> h.rewirer().isUpdate(step)) ? 1 : 0;
        }
        return n;
    }

    /** Mean seconds of the timed steps that did not rewire, and of those that did (NaN when none did). */
    record Timed(double plainSeconds, int updates, double updateSeconds) {
    }

    /** Wall-clock seconds of every step, rewiring included, and which steps rewired. */
    private static final class StepClock implements Hook {
        private final List<RewireHook> rewire;
        private final List<Double> seconds = new ArrayList<>();
        private final List<Long> steps = new ArrayList<>();
        private final List<Long> updates = new ArrayList<>();
        private long start;

        StepClock(List<RewireHook> rewire) {
            this.rewire = rewire;
        }

        @Override
        public void beforeStep(TrainState state) {
            start = System.nanoTime();
        }

        @Override
        public void afterStep(TrainState state, StepResult result) {
            seconds.add((System.nanoTime() - start) / 1e9);
            long step = state.step() - 1;
            steps.add(step);
            if (rewire.stream().anyMatch(RewireHook::updatedThisStep)) {
                updates.add(step);
            }
        }

        Timed after(long firstTimed) {
            double plain = 0;
            double rewired = 0;
            int plainCount = 0;
            int rewiredCount = 0;
            for (int i = 0; i < seconds.size(); i++) {
                if (steps.get(i) < firstTimed) {
                    continue;
                }
                if (updates.contains(steps.get(i))) {
                    rewired += seconds.get(i);
                    rewiredCount++;
                } else {
                    plain += seconds.get(i);
                    plainCount++;
                }
            }
            return new Timed(plain / plainCount, rewiredCount, rewiredCount == 0 ? Double.NaN : rewired / rewiredCount);
        }
    }
}

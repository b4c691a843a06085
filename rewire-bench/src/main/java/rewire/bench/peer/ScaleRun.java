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
import rewire.train.StepResult;
import rewire.train.TrainState;
import rewire.train.Trainer;
import rewire.train.Workload;

/**
 * Times Rewire on the peer MLP's shape with very wide hidden layers ({@link ScaleModel}): static
 * sparse training (the Erdos-Renyi topology stays fixed; a RigL update would compute the dense
 * gradient, {@code 2 B H^2} FLOPs per hidden layer, which is what makes gradient growth
 * impractical at this width) with the recipe of {@code examples/mlp-rigl.yaml} otherwise, on
 * Fashion-MNIST batches of 128. Runs {@code warmup + steps} steps and prints one
 * {@link ScaleResult} line with the median step time.
 *
 * <pre>
 * java -Xmx14g -cp benchmarks.jar rewire.bench.peer.ScaleRun --hidden 1000000 [--epsilon 20] [--steps 5] [--warmup 1]
 * </pre>
 */
public final class ScaleRun {
    private ScaleRun() {
    }

    public static void main(String[] args) throws IOException {
        int hidden = 100_000;
        double epsilon = 20;
        int steps = 20;
        int warmup = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hidden" -> hidden = Integer.parseInt(PeerRun.Options.value(args, ++i));
                case "--epsilon" -> epsilon = Double.parseDouble(PeerRun.Options.value(args, ++i));
                case "--steps" -> steps = Integer.parseInt(PeerRun.Options.value(args, ++i));
                case "--warmup" -> warmup = Integer.parseInt(PeerRun.Options.value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (see ScaleRun's Javadoc)");
            }
        }
        if (steps < 1 || warmup < 0) {
            throw new IllegalArgumentException("need --steps >= 1 and --warmup >= 0, got " + steps + ", " + warmup);
        }
        System.out.println(ScaleResult.PREFIX + run(hidden, epsilon, steps, warmup).toCsv());
    }

    static ScaleResult run(int hidden, double epsilon, int steps, int warmup) throws IOException {
        double density = ScaleModel.density(hidden, epsilon);
        List<String> overrides = List.of("name=scale", "model.hidden=[" + hidden + ", " + hidden + ", " + hidden + "]",
                "sparsity.recipe=static", "sparsity.density=" + density, "sparsity.options=[distribution=er]",
                "train.epochs=1");
        ClassifyConfig config = Config.load(ClassifyConfig.class, Path.of("examples", "mlp-rigl.yaml"), overrides);
        Kernels kernels = Kernels.defaults();
        long built = System.nanoTime();
        RunSpec spec = ClassifyRuns.spec(config, kernels);
        Workload w = spec.workload();
        long nnz = w.groups().stream().flatMap(g -> g.sparseLayers().stream())
                .mapToLong(l -> l.weight().pattern().nnz()).sum();
        System.err.printf(Locale.ROOT, "built 784-%d-%d-%d-10 with %,d connections (density %.3g) in %.1f s%n", hidden,
                hidden, hidden, nnz, density, (System.nanoTime() - built) / 1e9);
        StepClock clock = new StepClock();
        Trainer trainer = new Trainer(w, List.of(clock), kernels);
        trainer.run(new TrainState(w, new Slots(), 0, warmup + steps));
        List<Double> timed = clock.seconds.subList(warmup, clock.seconds.size());
        System.err.printf(Locale.ROOT, "step seconds %s%n", clock.seconds);
        String heap = Runtime.getRuntime().maxMemory() / (1 << 20) + "m";
        return new ScaleResult(hidden, nnz, density, steps, EpochClock.median(timed), w.stepsPerEpoch(), PeakRss.mib(),
                heap);
    }

    /** Wall-clock seconds of every step, forward to the end of the optimizer step. */
    private static final class StepClock implements Hook {
        private final List<Double> seconds = new ArrayList<>();
        private long start;

        @Override
        public void beforeStep(TrainState state) {
            start = System.nanoTime();
        }

        @Override
        public void afterStep(TrainState state, StepResult result) {
            seconds.add((System.nanoTime() - start) / 1e9);
        }
    }
}

package rewire.bench.peer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rewire.config.Config;
import rewire.kernel.Kernels;
import rewire.models.classify.ClassificationWorkload;
import rewire.models.classify.ClassifyConfig;
import rewire.models.classify.ClassifyRuns;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.optim.Slots;
import rewire.run.RunSpec;
import rewire.train.FlopHook;
import rewire.train.Hook;
import rewire.train.SparsityHooks;
import rewire.train.TrainState;
import rewire.train.Trainer;
import rewire.train.Workload;

/**
 * Trains one configuration of the peer benchmark with Rewire and prints one {@link PeerResult}
 * line: the run of {@code examples/mlp-dense.yaml} or {@code examples/mlp-rigl.yaml} (MLP
 * 784-1000-1000-1000-10, Fashion-MNIST, batch 128, SGD with momentum, cosine learning rate)
 * for {@code warmup + timed} epochs, timed per epoch with its topology updates timed apart
 * ({@link RewireClock}), then the test accuracy (not timed).
 *
 * <pre>
 * java -Drewire.threads=1 -cp benchmarks.jar rewire.bench.peer.PeerRun --method rigl --density 0.1
 *      [--standardize global|none] [--warmup 2] [--timed 3] [--quick] [--layers] [--set key=value ...]
 * </pre>
 * {@code --standardize} sets {@code data.standardize}: {@code global} (the default, Rewire's) or
 * {@code none}, which feeds the pixels as x / 255 like the PyTorch DST libraries.
 * {@code --set} adds a configuration override (as on {@code rewire train}'s command line), for
 * experiments such as {@code --set model.crossover=1.1}; the benchmark script passes none.
 * {@code --layers} prints the initial nnz of every weight layer (ERK) as one line and exits: the
 * PyTorch side reads it so that both use the same per-layer densities. {@code --quick} trains on
 * 30 batches per epoch and tests on 1000 examples, to check the pipeline. Before the result, a
 * {@code PEER_BLAS_CORE} line names the OpenBLAS kernels the run used.
 */
public final class PeerRun {
    /** Marks the per-layer nnz line of {@code --layers}. */
    static final String LAYERS_PREFIX = "PEER_LAYERS,";
    /** Marks the line naming the OpenBLAS core type this run used (the PyTorch side prints its own). */
    static final String BLAS_CORE_PREFIX = "PEER_BLAS_CORE,rewire,";
    private static final int QUICK_BATCHES = 30;

    /** The command-line options. */
    record Options(String method, double density, String standardize, int warmup, int timed, boolean quick,
                   boolean layers, List<String> overrides) {
        static Options parse(String[] args) {
            String method = "rigl";
            double density = 0.1;
            String standardize = PeerResult.DEFAULT_STANDARDIZE;
            int warmup = 2;
            int timed = 3;
            boolean quick = false;
            boolean layers = false;
            List<String> overrides = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--method" -> method = value(args, ++i);
                    case "--density" -> density = Double.parseDouble(value(args, ++i));
                    case "--standardize" -> standardize = value(args, ++i);
                    case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                    case "--timed" -> timed = Integer.parseInt(value(args, ++i));
                    case "--quick" -> quick = true;
                    case "--layers" -> layers = true;
                    case "--set" -> overrides.add(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (see PeerRun's Javadoc)");
                }
            }
            if (!method.equals("dense") && !method.equals("rigl") || warmup < 0 || timed < 1
                    || !(density > 0 && density <= 1)) {
                throw new IllegalArgumentException("need --method dense|rigl, --density in (0, 1], --warmup >= 0, "
                        + "--timed >= 1; got " + method + ", " + density + ", " + warmup + ", " + timed);
            }
            if (!standardize.equals(PeerResult.DEFAULT_STANDARDIZE) && !standardize.equals(PeerResult.PEER_STANDARDIZE)) {
                throw new IllegalArgumentException("--standardize takes " + PeerResult.DEFAULT_STANDARDIZE + " or "
                        + PeerResult.PEER_STANDARDIZE + ", got '" + standardize + "'");
            }
            return new Options(method, method.equals("dense") ? 1.0 : density, standardize, warmup, timed, quick,
                    layers, List.copyOf(overrides));
        }

        static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        /** The example configuration with this run's overrides. */
        ClassifyConfig config() throws IOException {
            List<String> all = new ArrayList<>(List.of("name=peer-" + method, "train.epochs=" + (warmup + timed),
                    "data.standardize=" + standardize));
            if (method.equals("rigl")) {
                all.add("sparsity.density=" + density);
            }
            if (quick) {
                all.addAll(List.of("data.trainLimit=" + QUICK_BATCHES * 128, "data.testLimit=1000"));
            }
            all.addAll(overrides);
            Path file = Path.of("examples", method.equals("dense") ? "mlp-dense.yaml" : "mlp-rigl.yaml");
            return Config.load(ClassifyConfig.class, file, all);
        }
    }

    private PeerRun() {
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        Kernels kernels = Kernels.defaults();
        RunSpec spec = ClassifyRuns.spec(o.config(), kernels);
        if (o.layers()) {
            System.out.println(LAYERS_PREFIX + layerLine(spec.workload()));
            return;
        }
        System.out.println(BLAS_CORE_PREFIX + kernels.info().blasCore().running());
        System.out.println(PeerResult.PREFIX + train(o, spec, kernels).toCsv());
    }

    static PeerResult train(Options o, RunSpec spec, Kernels kernels) {
        ClassificationWorkload w = (ClassificationWorkload) spec.workload();
        SparsityHooks sparsity = SparsityHooks.of(w, spec.seed(), kernels, null);
        FlopHook flops = new FlopHook(w, sparsity);
        RewireClock rewiring = new RewireClock();
        EpochClock clock = new EpochClock(rewiring);
        List<Hook> hooks = new ArrayList<>(rewiring.hooks(sparsity));
        hooks.addAll(List.of(flops, clock));
        Trainer trainer = new Trainer(w, hooks, kernels);
        trainer.run(new TrainState(w, new Slots(), 0, spec.totalSteps()));
        w.model().eval();
        double accuracy = w.evaluate(spec.totalSteps()).get("accuracy");
        EpochClock.SteadyState times = EpochClock.steadyState(clock.epochs(), o.warmup());
        double samples = (double) w.stepsPerEpoch() * w.batchSize();
        System.err.printf(Locale.ROOT, "epochs %s, test accuracy %.4f; memory %s%n", clock.epochs(), accuracy,
                PeakRss.breakdown());
        int threads = kernels.info().threads();
        double training = flops.trainingFlops();
        double total = times.epochSeconds() + times.rewireSeconds();
        return new PeerResult("rewire", o.method(), o.standardize(), o.density(), weightDensity(w), threads,
                threads + " (rewire.threads)", times.epochSeconds(), times.rewireSeconds(), samples / total,
                PeakRss.mib(), training, training, accuracy, o.warmup(), o.warmup() + o.timed());
    }

    // nonzero weights (CSR entries, or every entry of a dense weight) over all weight entries
    static double weightDensity(Workload w) {
        long nnz = 0;
        long all = 0;
        for (Param p : w.params()) {
            if (p instanceof SparseParam s) {
                nnz += s.pattern().nnz();
                all += (long) s.pattern().rows() * s.pattern().cols();
            } else if (p.name().endsWith(".weight")) {
                nnz += p.size();
                all += p.size();
            }
        }
        return (double) nnz / all;
    }

    // "name:out:in:nnz;..." for every weight layer, in order (nnz = out*in for a dense layer)
    static String layerLine(Workload w) {
        List<String> layers = new ArrayList<>();
        for (Param p : w.params()) {
            if (p instanceof SparseParam s) {
                layers.add(p.name() + ":" + s.pattern().rows() + ":" + s.pattern().cols() + ":" + s.pattern().nnz());
            } else if (p instanceof DenseParam d && p.name().endsWith(".weight")) {
                layers.add(p.name() + ":" + d.value().rows() + ":" + d.value().cols() + ":" + p.size());
            }
        }
        return String.join(";", layers);
    }

}

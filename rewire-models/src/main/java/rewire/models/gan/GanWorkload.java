package rewire.models.gan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.autodiff.ImageShape;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.data.Batcher;
import rewire.io.Checkpoint;
import rewire.nn.Buffer;
import rewire.nn.Layer;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.Evaluation;
import rewire.train.FlopCounter;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.StepContext;
import rewire.train.StepResult;
import rewire.train.Workload;

/**
 * A GAN trained by alternating updates (Goodfellow et al., NeurIPS 2014; DCGAN, Radford et al.,
 * ICLR 2016), two parameter groups with their own Adam and recipe: "generator" and
 * "discriminator". Step {@code t}:
 * <ol>
 *   <li>the discriminator's update: fakes {@code G(z)} from the generator held fixed, real batch
 *       {@code t} and the fakes scored together, one loss, backward, update (its DST or density
 *       control runs here, on this batch);</li>
 *   <li>at every {@code nCritic}-th step the generator's update against the discriminator held
 *       fixed (gradients through it to the images only), then the EMA copy follows it;</li>
 *   <li>at every {@code brEvery}-th generator update a balance-ratio measurement
 *       ({@link BalanceRatio}) on that update's latent batch, whose queue ADAPT's control reads;
 *       skipped when the update also rewired the generator (its DST step), as ADAPT's code measures
 *       the optimizer's step before it rewires.</li>
 * </ol>
 * Each step reports the time of the two updates ({@code dMs}, {@code gMs}: wall clock; {@code dCpuMs},
 * {@code gCpuMs}: the training thread's CPU time; {@link PhaseClock}), the generator's 0 at steps where it
 * does not train, so a logging window's mean is the time per step.
 * Data and latent codes of step {@code t} are pure functions of the seed and {@code t}. Evaluation
 * samples the EMA generator at fixed latent codes, scores them ({@link SampleQuality}) and keeps a
 * grid of samples at fixed codes as a PNG. State beyond the groups (batch-norm statistics,
 * spectral-norm vectors, the EMA copy, the balance-ratio queue) is saved by {@link #save}.
 */
public final class GanWorkload implements Workload {
    private static final String PREFIX = "workload/";
    private static final long LATENT_STREAM = 0x2A7EL;
    private static final long EVAL_STREAM = 0xE7A1L;
    private static final long GRID_STREAM = 0x6121L;
    private static final int EVAL_BATCH = 250;

    private final String name;
    private final GanConfig config;
    private final ImageShape image;
    private final Layer generator;
    private final Layer discriminator;
    private final ParamGroup generatorGroup;
    private final ParamGroup discriminatorGroup;
    private final EmaGenerator ema;
    private final BalanceRatio balance;
    private final Batcher real;
    private final SampleQuality quality;
    private final Rng latents;
    private final Rng seed;
    private final AdversarialLoss loss;
    private final NetworkFlops generatorFlops;
    private final NetworkFlops discriminatorFlops;
    private final Tape evalTape;
    private final Tensor pair;
    private final FlopCounter outsideFlops = new FlopCounter();
    private double lastDLoss = Double.NaN;
    private double lastGLoss = Double.NaN;
    private byte[] lastGrid;

    GanWorkload(String name, GanConfig config, ImageShape image, GanParts parts, BalanceRatio balance, Batcher real,
                SampleQuality quality, Rng seed, Tape evalTape) {
        this.name = name;
        this.config = config;
        this.image = image;
        this.generator = parts.generator().model();
        this.discriminator = parts.discriminator().model();
        this.generatorGroup = parts.generatorGroup();
        this.discriminatorGroup = parts.discriminatorGroup();
        this.ema = new EmaGenerator(generator, parts.average(), config.gan().ema());
        this.balance = balance;
        this.real = real;
        this.quality = quality;
        this.seed = seed;
        this.latents = seed.fold(LATENT_STREAM);
        this.loss = new AdversarialLoss(config.gan().loss());
        this.generatorFlops = new NetworkFlops(generatorGroup);
        this.discriminatorFlops = new NetworkFlops(discriminatorGroup);
        this.evalTape = evalTape;
        this.pair = Tensor.zeros(image.channels(), 2 * batch() * image.pixels());
    }

    private int batch() {
        return config.data().batchSize();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ParamGroup> groups() {
        return List.of(generatorGroup, discriminatorGroup);
    }

    @Override
    public long stepsPerEpoch() {
        return config.gan().stepsPerEpoch();
    }

    /** The generator being trained, {@code z (latent, B) -> (C, B·H·W)}. */
    public Layer generator() {
        return generator;
    }

    /** The discriminator being trained, {@code (C, B·H·W) -> (1, B)}. */
    public Layer discriminator() {
        return discriminator;
    }

    /** The EMA copy of the generator, the one evaluated and sampled. */
    public Layer averagedGenerator() {
        return ema.model();
    }

    /** The balance-ratio queue that ADAPT's control reads. */
    BalanceRatio balance() {
        return balance;
    }

    /** The image shape the generator makes. */
    public ImageShape image() {
        return image;
    }

    @Override
    public StepResult step(StepContext context) {
        long t = context.step();
        Tensor realMaps = realBatch(t);                                     // (C, B·H·W)
        PhaseClock d = PhaseClock.start();
        lastDLoss = discriminatorStep(context, realMaps, latent(t, 0));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("dMs", d.wallMillis());
        metrics.put("dCpuMs", d.cpuMillis());
        boolean generatorTrains = t % config.gan().nCritic() == 0;
        PhaseClock g = PhaseClock.start();
        if (generatorTrains) {
            Tensor z = latent(t, 1);
            List<SparsityPattern> topology = generatorTopology();
            double before = generatorStep(context, z);
            ema.update();
            metrics.put("gMs", g.wallMillis());
            metrics.put("gCpuMs", g.cpuMillis());
            // ADAPT measures the optimizer's step alone: its code rewires G after the measurement, the
            // engine before G's optimizer step, so an update that rewired G is not measured
            boolean measures = (t / config.gan().nCritic()) % config.gan().brEvery() == 0;
            if (measures && sameTopology(topology, generatorTopology())) {
                measureBalance(context.tape(), z, realMaps, before);
            }
        } else {
            metrics.put("gMs", 0.0);
            metrics.put("gCpuMs", 0.0);
        }
        metrics.put("gLoss", lastGLoss);
        Map<String, Long> examples = Map.of(discriminatorGroup.name(), 2L * batch(), generatorGroup.name(),
                generatorTrains ? (long) batch() : 0L);
        return new StepResult(lastDLoss, batch(), batch(), metrics, examples);
    }

    // the discriminator's loss on the real batch and fakes of the fixed generator; backward, update
    private double discriminatorStep(StepContext context, Tensor realMaps, Tensor z) {
        Tape tape = context.tape();
        Var fake = frozen(generator, () -> generator.forward(tape, Var.constant(z)));   // (C, B·H·W)
        addOutside(generatorFlops, 1);
        Images.copyMaps(realMaps, image, pair, 0);
        Images.copyMaps(fake.value(), image, pair, batch());
        Var scores = discriminator.forward(tape, Var.constant(pair));                    // (1, 2B)
        Var dLoss = loss.discriminator(tape, scores, batch());
        context.backward(dLoss);
        context.update(discriminatorGroup);
        return dLoss.item();
    }

    // the generator's loss through the fixed discriminator; returns mean D(G(z)) before the update
    private double generatorStep(StepContext context, Tensor z) {
        context.clearTape();
        Tape tape = context.tape();
        Var scores = frozen(discriminator, () -> {
            Var gen = generator.forward(tape, Var.constant(z));
            return discriminator.forward(tape, gen);                                      // (1, B)
        });
        addOutside(discriminatorFlops, 2);  // forward, and the input gradient back to the images
        Var gLoss = loss.generator(tape, scores);
        context.backward(gLoss);
        context.update(generatorGroup);
        lastGLoss = gLoss.item();
        return mean(scores.value());
    }

    // the generator's sparse patterns (immutable, replaced by a rewiring), to tell whether an update rewired it
    private List<SparsityPattern> generatorTopology() {
        return generatorGroup.sparseLayers().stream().map(l -> l.weight().pattern()).toList();
    }

    // whether no pattern was replaced: identity, as a rewiring that regrows where it pruned still resets weights
    private static boolean sameTopology(List<SparsityPattern> a, List<SparsityPattern> b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    // ADAPT's measurement: the same z through the updated generator, and the real batch, both scored by D
    private void measureBalance(Tape tape, Tensor z, Tensor realMaps, double before) {
        double[] scored = bothFrozen(() -> new double[] {
            mean(discriminator.forward(tape, generator.forward(tape, Var.constant(z))).value()),
            mean(discriminator.forward(tape, Var.constant(realMaps)).value())});
        addOutside(generatorFlops, 1);
        addOutside(discriminatorFlops, 2);
        balance.record(before, scored[0], scored[1]);
    }

    private static <T> T frozen(Layer network, java.util.function.Supplier<T> pass) {
        network.requireGrad(false);
        try {
            return pass.get();
        } finally {
            network.requireGrad(true);
        }
    }

    private <T> T bothFrozen(java.util.function.Supplier<T> pass) {
        return frozen(generator, () -> frozen(discriminator, pass));
    }

    private void addOutside(NetworkFlops network, int passes) {
        outsideFlops.add((long) passes * batch() * network.forward(), (long) passes * batch() * network.denseForward());
    }

    private Tensor realBatch(long t) {
        long perEpoch = real.batchesPerEpoch();
        Tensor fm = real.batch(t / perEpoch, (int) (t % perEpoch)).x();                  // (C·H·W, B)
        Tensor maps = Tensor.zeros(image.channels(), batch() * image.pixels());
        Images.toMaps(fm, image, maps, 0);
        return maps;
    }

    // z (latent, B) of step t and role r (0: the discriminator's fakes, 1: the generator's update)
    private Tensor latent(long t, int role) {
        return gaussian(latents.fold(t).fold(role), config.model().latent(), batch());
    }

    private static Tensor gaussian(Rng rng, int rows, int cols) {
        Tensor z = Tensor.zeros(rows, cols);
        for (int i = 0; i < z.size(); i++) {
            z.data()[i] = (float) rng.nextGaussian();
        }
        return z;
    }

    static double mean(Tensor t) {
        double s = 0;
        for (float v : t.data()) {
            s += v;
        }
        return s / t.size();
    }

    @Override
    public Map<String, Double> status() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("dLoss", lastDLoss);
        s.put("gLoss", lastGLoss);
        s.put("balanceRatio", balance.mean());
        s.put("dDensity", discriminatorGroup.density());
        s.put("gDensity", generatorGroup.density());
        return s;
    }

    @Override
    public ForwardFlops takeForwardOnlyFlops() {
        return outsideFlops.takeForward();
    }

    @Override
    public List<Score> scores() {
        return QualityScores.of(config.data().format());
    }

    /**
     * Scores {@code quality.samples} images of the EMA generator at fixed latent codes and keeps the
     * grid of its samples at the grid's fixed codes. The generator runs with batch statistics over
     * batches of 250 (its running statistics follow the trained weights, not the average).
     */
    @Override
    public Evaluation evaluate(long stepsDone) {
        int n = config.quality().samples();
        Tensor images = Tensor.zeros(image.features(), n);                                // (C·H·W, N)
        Rng codes = seed.fold(EVAL_STREAM);
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int b = Math.min(EVAL_BATCH, n - from);
            Tensor fm = Images.toFeatureMajor(sample(gaussian(codes.fold(from), config.model().latent(), b)), image);
            for (int r = 0; r < fm.rows(); r++) {
                System.arraycopy(fm.data(), r * b, images.data(), r * n + from, b);
            }
        }
        int side = config.quality().gridSide();
        lastGrid = SampleGrid.png(sample(gaussian(seed.fold(GRID_STREAM), config.model().latent(), side * side)),
                image, side);
        SampleQuality.Scores s = quality.score(images);
        return Evaluation.builder("test", n).put(QualityScores.FID, s.fid()).put(QualityScores.KID, s.kid())
                .put(QualityScores.IS_LIKE, s.isLike()).build();
    }

    /** The EMA generator's images {@code (C, B·H·W)} for codes {@code z (latent, B)}, with batch statistics. */
    public Tensor sample(Tensor z) {
        Layer g = ema.model();
        g.train();
        evalTape.clear();
        Tensor out = g.forward(evalTape, Var.constant(z)).value().copy();
        evalTape.clear();
        return out;
    }

    /** A PNG grid of {@code side x side} samples of the EMA generator, latent codes drawn from {@code seed}. */
    public byte[] sampleGrid(int side, long seed) {
        if (side < 1) {
            throw new IllegalArgumentException("a sample grid needs a side of at least 1, got " + side);
        }
        return SampleGrid.png(sample(gaussian(new Rng(seed), config.model().latent(), side * side)), image, side);
    }

    @Override
    public Map<String, byte[]> evaluationImages(long stepsDone) {
        return lastGrid == null ? Map.of() : Map.of(String.format(java.util.Locale.ROOT, "samples-%07d.png", stepsDone),
                lastGrid);
    }

    @Override
    public void save(Checkpoint.Builder c) {
        for (Layer network : List.of(generator, discriminator)) {
            for (Buffer b : network.buffers()) {
                c.putFloats(PREFIX + "buffer/" + b.name(), b.values());
            }
        }
        ema.save(c, PREFIX + "ema/");
        c.putText(PREFIX + "balanceRatio", balance.encode());
    }

    @Override
    public void restore(Checkpoint c) {
        for (Layer network : List.of(generator, discriminator)) {
            for (Buffer b : network.buffers()) {
                float[] saved = c.floats(PREFIX + "buffer/" + b.name());
                if (saved.length != b.values().length) {
                    throw new IllegalArgumentException(c.source() + ": buffer " + b.name() + " has " + saved.length
                            + " values, the model " + b.values().length);
                }
                System.arraycopy(saved, 0, b.values(), 0, saved.length);
            }
        }
        ema.restore(c, PREFIX + "ema/");
        balance.decode(c.text(PREFIX + "balanceRatio"));
    }
}

package rewire.models.gpt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.AttentionOps;
import rewire.autodiff.Losses;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.dist.Shard;
import rewire.dist.Shardable;
import rewire.io.ReferenceBatch;
import rewire.io.TorchLayout;
import rewire.io.onnx.OnnxGraph;
import rewire.kernel.Kernels;
import rewire.models.moe.ExpertLoads;
import rewire.models.moe.FeedForward;
import rewire.optim.Schedule;
import rewire.prune.PrunableModel;
import rewire.prune.PruneTarget;
import rewire.optim.Transform;
import rewire.recipe.Recipe;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.Evaluation;
import rewire.train.Exportable;
import rewire.train.FlopCounter;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.SupervisedWorkload;

/**
 * Next-character prediction: each step draws {@code B} random blocks of the training text (from
 * the seed and the step, so a resumed run sees the same data) and minimizes the mean
 * cross-entropy of the next token over all {@code B·T} positions. Evaluation averages the loss
 * over a fixed set of validation blocks. Samples and accuracy count tokens.
 *
 * <p>Hybrid sparse attention (Mixed Sparsity Training): steps inside {@code [attentionStart,
 * attentionEnd)} use the window's sparse mask, all others dense causal attention. Evaluation and
 * sampling after {@code n} steps use the mask step {@code n - 1} trained with
 * ({@link #attentionAfter}), so a run, {@code rewire eval} and {@code rewire sample} agree.
 *
 * <p>Attention FLOPs: per layer, sequence and scored (query, key) pair ({@link AttentionOps#scoredPairs}:
 * all {@code T²} of the dense products under causal attention, only the allowed ones under a sparse
 * pattern) {@code 2·d} FLOPs in each of the two forward products (scores, mixing) and four backward
 * ones, {@code 12·d} in all; the dense twin scores {@code T²}.
 *
 * <p>Exportable under nanoGPT's names ({@link GptExport}) and as an ONNX graph for a context of
 * {@code blockSize} tokens ({@link GptOnnx}), with the attention mask of the exported step.
 */
public final class GptWorkload implements SupervisedWorkload, Shardable, PrunableModel, TextModel, Exportable {
    private static final List<Score> SCORES = List.of(Score.loss("loss", "validation loss"),
            Score.accuracy("accuracy", "validation token accuracy"));
    private static final Score EXPERT_LOAD = Score.loss("expertLoad",
            "busiest expert's load (experts × its share of the token slots; 1 = balanced)");

    private final GptArchitecture.Built built;
    private final ParamGroup group;
    private final CharTokenizer tokenizer;
    private final TokenBlocks train;
    private final TokenBlocks validation;
    private final GptDataSettings data;
    private final int seqLen;
    private final Rng dataRng;
    private final Rng evalRng;
    private final AttentionMask windowMask;
    private final long attentionStart;
    private final long attentionEnd;
    private final Tape evalTape;
    private final double balanceWeight;
    private final int[] inputs;
    private final int[] targets;
    private final long flopsPerScoredPairAndSequence;
    private final GptExport export;
    private Shard shard = Shard.whole();
    private final FlopCounter attentionFlops = new FlopCounter();

    GptWorkload(GptArchitecture.Built built, Transform optimizer, Schedule learningRate, Recipe recipe,
                CharTokenizer tokenizer, TokenBlocks[] split, GptDataSettings data, GptModelSettings model,
                long totalSteps, Rng dataRng, Kernels kernels) {
        this.built = built;
        this.group = ParamGroup.builder("model", built.model()).optimizer(optimizer, learningRate).recipe(recipe)
                .sparseLayers(built.sparseLayers()).flopLayers(built.flopLayers()).build();
        this.tokenizer = tokenizer;
        this.train = split[0];
        this.validation = split[1];
        this.data = data;
        this.seqLen = model.blockSize();
        this.dataRng = dataRng.fold(0);
        this.evalRng = dataRng.fold(1);
        this.windowMask = model.windowMask();
        this.attentionStart = Math.round(model.sparseAttentionStart() * totalSteps);
        this.attentionEnd = Math.round(model.sparseAttentionEnd() * totalSteps);
        this.evalTape = new Tape(kernels);
        this.inputs = new int[data.batchSize() * seqLen];
        this.targets = new int[data.batchSize() * seqLen];
        this.flopsPerScoredPairAndSequence = 12L * model.width() * model.layers();
        this.balanceWeight = model.moe().balanceWeight();
        this.export = new GptExport(model, built.model(), tokenizer);
        if (validation.length() < seqLen + 1) {
            throw new IllegalArgumentException("the validation split (" + validation.length() + " tokens) is shorter than"
                    + " one block of " + (seqLen + 1));
        }
    }

    @Override
    public String name() {
        return "gpt-char";
    }

    @Override
    public ParamGroup group() {
        return group;
    }

    @Override
    public GptModel model() {
        return built.model();
    }

    @Override
    public CharTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public long stepsPerEpoch() {
        return data.stepsPerEpoch();
    }

    @Override
    public String sampleUnit() {
        return "tokens";
    }

    /** The attention mask of step {@code step}: the window's sparse mask inside it, dense causal outside. */
    public AttentionMask maskAt(long step) {
        return windowMask != null && step >= attentionStart && step < attentionEnd ? windowMask : AttentionMask.causal();
    }

    /**
     * The attention mask of the model after {@code stepsDone} training steps: the one its last step
     * trained with (dense causal before any step). Evaluation and sampling use it.
     */
    @Override
    public AttentionMask attentionAfter(long stepsDone) {
        return stepsDone == 0 ? AttentionMask.causal() : maskAt(stepsDone - 1);
    }

    @Override
    public Loss loss(Tape tape, long step) {
        AttentionMask mask = maskAt(step);
        model().setAttentionMask(mask);
        train.sample(dataRng.fold(step), data.batchSize(), seqLen, inputs, targets);
        int from = shard.from(data.batchSize());
        int to = shard.to(data.batchSize());
        int[] x = shard.count() == 1 ? inputs : Arrays.copyOfRange(inputs, from * seqLen, to * seqLen);
        int[] y = shard.count() == 1 ? targets : Arrays.copyOfRange(targets, from * seqLen, to * seqLen);
        long perPair = flopsPerScoredPairAndSequence * (to - from);
        attentionFlops.add(perPair * AttentionOps.scoredPairs(mask, seqLen),
                perPair * AttentionOps.scoredPairs(AttentionMask.causal(), seqLen));
        Var logits = model().logits(tape, x, seqLen);               // (V, sequences · T)
        Var loss = Losses.softmaxCrossEntropy(tape, logits, y);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", (double) correct(logits.value(), y) / y.length);
        if (!built.mixtures().isEmpty()) {
            // the training loss adds the balance term; the validation loss is the cross-entropy alone
            Var balance = ExpertLoads.balanceTerm(tape, built.mixtures(), balanceWeight);
            loss = Ops.add(tape, loss, balance);
            ExpertLoads loads = new ExpertLoads(built.mixtures());
            loads.add();
            metrics.put("balanceTerm", (double) balance.item());
            metrics.put("expertLoad", loads.busiest());
        }
        return new Loss(loss, y.length, metrics);
    }

    @Override
    public void restrictTo(Shard part) {
        shard = part;
    }

    @Override
    public List<Score> scores() {
        if (built.mixtures().isEmpty()) {
            return SCORES;
        }
        List<Score> all = new ArrayList<>(SCORES);
        all.add(EXPERT_LOAD);
        return all;
    }

    @Override
    public Evaluation evaluate(long stepsDone) {
        model().setAttentionMask(attentionAfter(stepsDone));
        ValidationScore score = new ValidationScore(new ExpertLoads(built.mixtures()));
        if (data.evalBlocks() == GptDataSettings.EvalBlocks.ALL) {
            int blocks = validation.consecutiveBlocks(seqLen);
            for (int first = 0; first < blocks; first += data.batchSize()) {
                int count = Math.min(data.batchSize(), blocks - first);
                int[] in = count == data.batchSize() ? inputs : new int[count * seqLen];
                int[] out = count == data.batchSize() ? targets : new int[count * seqLen];
                validation.consecutive(first, count, seqLen, in, out);
                score.add(in, out);
            }
        } else {
            for (int i = 0; i < data.evalBatches(); i++) {
                validation.sample(evalRng.fold(i), data.batchSize(), seqLen, inputs, targets);
                score.add(inputs, targets);
            }
        }
        evalTape.clear();
        Evaluation.Builder e = Evaluation.builder("val", score.tokens).put("loss", score.lossSum / score.tokens)
                .put("accuracy", (double) score.correct / score.tokens);
        if (!built.mixtures().isEmpty()) {
            e.put(EXPERT_LOAD.key(), score.loads.busiest());
            score.loads.shares().forEach(e::put);
        }
        return e.build();
    }

    /** Sums over the validation batches of one evaluation: the loss weighted by tokens, hits, expert loads. */
    private final class ValidationScore {
        final ExpertLoads loads;
        double lossSum;
        long correct;
        long tokens;

        ValidationScore(ExpertLoads loads) {
            this.loads = loads;
        }

        // one batch: inputs and targets (B·T) of B blocks
        void add(int[] in, int[] out) {
            evalTape.clear();
            Var logits = model().logits(evalTape, in, seqLen);
            lossSum += Losses.softmaxCrossEntropy(evalTape, logits, out).item() * out.length;
            correct += correct(logits.value(), out);
            tokens += out.length;
            loads.add();
        }
    }

    @Override
    public TorchLayout torchLayout(long stepsDone) {
        return export.torchLayout(attentionAfter(stepsDone));
    }

    @Override
    public OnnxGraph onnxGraph(long stepsDone) {
        return GptOnnx.graph(name(), torchLayout(stepsDone), export.settings(), attentionAfter(stepsDone));
    }

    /** The first {@code examples} blocks (at most one batch) of the first validation batch, and their logits. */
    @Override
    public ReferenceBatch reference(int examples, long stepsDone) {
        validation.sample(evalRng.fold(0), data.batchSize(), seqLen, inputs, targets);
        int[] tokens = Arrays.copyOf(inputs, Math.min(examples, data.batchSize()) * seqLen);
        model().setAttentionMask(attentionAfter(stepsDone));
        evalTape.clear();
        Tensor logits = model().logits(evalTape, tokens, seqLen).value().copy();    // (V, B·T)
        evalTape.clear();
        return export.reference(tokens, logits);
    }

    // tokens whose arg-max logit (ties to the lower id) is the target; logits (V, N)
    private static int correct(Tensor logits, int[] targets) {
        int vocab = logits.rows();
        int n = logits.cols();
        float[] z = logits.data();
        int[] best = new int[n];
        for (int v = 1; v < vocab; v++) {
            for (int c = 0; c < n; c++) {
                if (z[v * n + c] > z[best[c] * n + c]) {
                    best[c] = v;
                }
            }
        }
        int hits = 0;
        for (int c = 0; c < n; c++) {
            hits += best[c] == targets[c] ? 1 : 0;
        }
        return hits;
    }

    /** Every linear layer of the blocks, one stage per block; an expert's with its router gates. */
    @Override
    public List<PruneTarget> pruneTargets() {
        return built.pruneTargets();
    }

    /**
     * Forward passes, in evaluation mode with the attention mask the model holds, over
     * {@code sequences} blocks of the training text drawn from {@code rng}, in batches of
     * {@code data.batchSize}.
     */
    @Override
    public void calibrate(int sequences, Rng rng) {
        model().eval();
        for (int done = 0; done < sequences; done += data.batchSize()) {
            int batch = Math.min(data.batchSize(), sequences - done);
            int[] x = new int[batch * seqLen];
            int[] y = new int[batch * seqLen];
            train.sample(rng, batch, seqLen, x, y);
            evalTape.clear();
            model().logits(evalTape, x, seqLen);
        }
        evalTape.clear();
    }

    /** The feed-forward of every block, in order (expert-wise distillation compares them). */
    public List<FeedForward> feedForwards() {
        return built.feedForwards();
    }

    /** Attention's scores and mixing, forward and backward, of the steps since the last call. */
    @Override
    public ActivationFlops takeActivationFlops() {
        return attentionFlops.takeActivation();
    }
}

package rewire.models.gpt;

import java.util.List;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.AttentionOps;
import rewire.autodiff.Losses;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.kernel.Kernels;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.Evaluation;
import rewire.train.StepOutput;
import rewire.train.Workload;

/**
 * Next-character prediction: each step draws {@code B} random blocks of the training text (from
 * the seed and the step, so a resumed run sees the same data) and minimizes the mean
 * cross-entropy of the next token over all {@code B·T} positions. Evaluation averages the loss
 * over a fixed set of validation blocks. Samples and accuracy count tokens.
 *
 * <p>Hybrid sparse attention (Mixed Sparsity Training): steps inside {@code [attentionStart,
 * attentionEnd)} and evaluations after such a step use the window's sparse mask, all others
 * dense causal attention.
 *
 * <p>Attention FLOPs: per layer, sequence and scored (query, key) pair ({@link AttentionOps#scoredPairs}:
 * all {@code T²} of the dense products under causal attention, only the allowed ones under a sparse
 * pattern) {@code 2·d} FLOPs in each of the two forward products (scores, mixing) and four backward
 * ones, {@code 12·d} in all; the dense twin scores {@code T²}.
 */
public final class GptWorkload implements Workload {
    private final GptArchitecture.Built built;
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
    private final int[] inputs;
    private final int[] targets;
    private final long flopsPerScoredPair;
    private long attentionFlops;
    private long denseAttentionFlops;

    GptWorkload(GptArchitecture.Built built, CharTokenizer tokenizer, TokenBlocks[] split, GptDataSettings data,
                GptModelSettings model, long totalSteps, Rng dataRng, Kernels kernels) {
        this.built = built;
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
        this.flopsPerScoredPair = 12L * model.width() * model.layers() * data.batchSize();
        if (validation.length() < seqLen + 1) {
            throw new IllegalArgumentException("the validation split (" + validation.length() + " tokens) is shorter than"
                    + " one block of " + (seqLen + 1));
        }
    }

    @Override
    public String scoreLabel() {
        return "validation token accuracy";
    }

    @Override
    public String name() {
        return "gpt-char";
    }

    @Override
    public GptModel model() {
        return built.model();
    }

    public CharTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public long stepsPerEpoch() {
        return data.stepsPerEpoch();
    }

    /** Sequences per step; a step trains on {@code batchSize · blockSize} tokens. */
    @Override
    public int batchSize() {
        return data.batchSize();
    }

    /** The attention mask of step {@code step}: the window's sparse mask inside it, dense causal outside. */
    public AttentionMask maskAt(long step) {
        return windowMask != null && step >= attentionStart && step < attentionEnd ? windowMask : AttentionMask.causal();
    }

    @Override
    public StepOutput trainStep(Tape tape, long step) {
        AttentionMask mask = maskAt(step);
        model().setAttentionMask(mask);
        attentionFlops += flopsPerScoredPair * AttentionOps.scoredPairs(mask, seqLen);
        denseAttentionFlops += flopsPerScoredPair * AttentionOps.scoredPairs(AttentionMask.causal(), seqLen);
        train.sample(dataRng.fold(step), data.batchSize(), seqLen, inputs, targets);
        Var logits = model().logits(tape, inputs, seqLen);
        Var loss = Losses.softmaxCrossEntropy(tape, logits, targets);
        return new StepOutput(loss, correct(logits.value(), targets), targets.length);
    }

    @Override
    public Evaluation evaluate() {
        double lossSum = 0;
        long correct = 0;
        for (int i = 0; i < data.evalBatches(); i++) {
            evalTape.clear();
            validation.sample(evalRng.fold(i), data.batchSize(), seqLen, inputs, targets);
            Var logits = model().logits(evalTape, inputs, seqLen);
            lossSum += Losses.softmaxCrossEntropy(evalTape, logits, targets).item();
            correct += correct(logits.value(), targets);
        }
        evalTape.clear();
        int tokens = data.evalBatches() * targets.length;
        return new Evaluation("val", lossSum / data.evalBatches(), (double) correct / tokens, tokens);
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

    @Override
    public List<SparseLinear> sparseLayers() {
        return built.sparseLayers();
    }

    /** Attention's scores and mixing, forward and backward, of the steps since the last call. */
    @Override
    public ActivationFlops takeActivationFlops() {
        ActivationFlops taken = new ActivationFlops(attentionFlops, denseAttentionFlops);
        attentionFlops = 0;
        denseAttentionFlops = 0;
        return taken;
    }

    @Override
    public List<FlopCounter.Layer> flopLayers() {
        return built.flopLayers();
    }
}

package rewire.models.gpt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rewire.autodiff.AttentionMask;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.io.Checkpoint;
import rewire.kernel.Kernels;
import rewire.models.moe.ExpertPass;
import rewire.models.moe.FeedForward;
import rewire.models.moe.MoeOps;
import rewire.tensor.Tensor;
import rewire.train.Evaluation;
import rewire.train.FlopCounter;
import rewire.train.ParamGroup;
import rewire.train.Score;
import rewire.train.StepContext;
import rewire.train.StepResult;
import rewire.train.SupervisedWorkload;
import rewire.train.Workload;

/**
 * Expert-wise knowledge distillation (Xie et al., "MoE-Pruner", 2024, Eq. 10; METHODS.md H.2): a
 * student GPT (a pruned model, its mask fixed by a recipe that never rewires) trains on
 * {@code L = L_CE + λ · Σ_blocks Σ_experts MSE(E_i(x), T_i(x))} beside a frozen teacher of the same
 * architecture (the unpruned model, a {@link ParamGroup} with no optimizer). Which tokens an expert
 * is compared on the paper leaves open; here each student expert's output on the tokens the
 * student routed to it is compared with the teacher's same expert on the same inputs, so the term
 * measures what pruning changed in each expert, not where routing moved. A dense MLP counts as one
 * expert. λ, unless configured, is set at the first step to {@code L_CE / Σ MSE} (the two terms
 * start equal) and kept, in checkpoints too. The teacher's expert passes are counted as
 * forward-only FLOPs; evaluation, scores and data are the student's.
 */
public final class DistillWorkload implements Workload, TextModel {
    private static final String LAMBDA = "workload/distill/lambda";

    private final GptWorkload student;
    private final List<FeedForward> teacherExperts;
    private final ParamGroup teacher;
    private final Optional<Double> configuredLambda;
    private final Tape teacherTape;
    private double lambda = Double.NaN;
    private final FlopCounter teacherFlops = new FlopCounter();

    DistillWorkload(GptWorkload student, GptArchitecture.Built teacher, Optional<Double> lambda, Kernels kernels) {
        List<FeedForward> mine = student.feedForwards();
        List<FeedForward> theirs = teacher.feedForwards();
        for (int b = 0; b < mine.size(); b++) {
            if (theirs.size() != mine.size() || theirs.get(b).experts() != mine.get(b).experts()) {
                throw new IllegalArgumentException("distill.teacher: the teacher has " + theirs.size() + " blocks of "
                        + (theirs.isEmpty() ? 0 : theirs.get(0).experts()) + " experts, the student " + mine.size()
                        + " of " + mine.get(0).experts() + "; distillation pairs every expert with its own");
            }
        }
        this.student = student;
        this.teacherExperts = theirs;
        this.teacher = ParamGroup.builder("teacher", teacher.model()).build();
        this.configuredLambda = lambda;
        this.teacherTape = new Tape(kernels);
    }

    @Override
    public String name() {
        return "gpt-distill";
    }

    @Override
    public List<ParamGroup> groups() {
        return List.of(student.group(), teacher);
    }

    @Override
    public long stepsPerEpoch() {
        return student.stepsPerEpoch();
    }

    @Override
    public String sampleUnit() {
        return student.sampleUnit();
    }

    @Override
    public StepResult step(StepContext context) {
        Tape tape = context.tape();
        SupervisedWorkload.Loss ce = student.loss(tape, context.step());
        Var experts = expertLoss(tape);                                  // Σ MSE over blocks and experts
        double crossEntropy = ce.value().item() - ce.metrics().getOrDefault("balanceTerm", 0.0);
        if (Double.isNaN(lambda)) {
            lambda = configuredLambda.orElse(experts.item() > 0 ? crossEntropy / experts.item() : 0);
        }
        Var total = Ops.add(tape, ce.value(), Ops.mul(tape, experts, Var.constant(Tensor.zeros().fill((float) lambda))));
        context.backward(total);
        context.update(student.group());
        Map<String, Double> metrics = new LinkedHashMap<>(ce.metrics());
        metrics.put("crossEntropy", crossEntropy);
        metrics.put("expertMse", (double) experts.item());
        metrics.put("lambda", lambda);
        return new StepResult(total.item(), ce.samples(), metrics);
    }

    /** {@code Σ_b Σ_{experts that served tokens} MSE(student's output, teacher's expert on the same inputs)}. */
    Var expertLoss(Tape tape) {
        teacherTape.clear();
        Var sum = null;
        List<FeedForward> mine = student.feedForwards();
        for (int b = 0; b < mine.size(); b++) {
            for (ExpertPass p : mine.get(b).lastPasses()) {
                Var target = teacherExperts.get(b).expert(teacherTape, p.expert(), Var.constant(p.input().value()));
                Var mse = MoeOps.meanSquaredError(tape, p.output(), target.value().data());
                sum = sum == null ? mse : Ops.add(tape, sum, mse);
                FeedForward.Connections c = teacherExperts.get(b).connections(p.expert());
                teacherFlops.add(2L * p.tokens().length * c.stored(), 2L * p.tokens().length * c.dense());
            }
        }
        return sum;
    }

    /** The weight of the expert term: configured, set at the first step, or NaN before it. */
    public double lambda() {
        return lambda;
    }

    @Override
    public ForwardFlops takeForwardOnlyFlops() {
        return teacherFlops.takeForward();
    }

    @Override
    public ActivationFlops takeActivationFlops() {
        return student.takeActivationFlops();
    }

    @Override
    public List<Score> scores() {
        return student.scores();
    }

    @Override
    public Evaluation evaluate(long stepsDone) {
        return student.evaluate(stepsDone);
    }

    @Override
    public void save(Checkpoint.Builder checkpoint) {
        checkpoint.putText(LAMBDA, Double.toString(lambda));
    }

    @Override
    public void restore(Checkpoint checkpoint) {
        lambda = Double.parseDouble(checkpoint.text(LAMBDA));
    }

    @Override
    public GptModel model() {
        return student.model();
    }

    @Override
    public CharTokenizer tokenizer() {
        return student.tokenizer();
    }

    @Override
    public AttentionMask attentionAfter(long stepsDone) {
        return student.attentionAfter(stepsDone);
    }
}

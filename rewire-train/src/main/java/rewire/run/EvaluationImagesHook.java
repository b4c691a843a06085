package rewire.run;

import java.util.Map;
import java.util.function.Supplier;
import rewire.train.Evaluation;
import rewire.train.Hook;
import rewire.train.StepResult;
import rewire.train.TrainState;

/**
 * Writes the images a workload keeps from each evaluation ({@code Workload.evaluationImages}, a
 * GAN's sample grids) into the run folder's {@code plots/}. It runs after the metrics hook and
 * knows an evaluation happened when that hook's last evaluation changed.
 */
final class EvaluationImagesHook implements Hook {
    private final RunFolder folder;
    private final Supplier<Evaluation> lastEvaluation;
    private Evaluation written;

    EvaluationImagesHook(RunFolder folder, Supplier<Evaluation> lastEvaluation) {
        this.folder = folder;
        this.lastEvaluation = lastEvaluation;
    }

    @Override
    public void afterStep(TrainState state, StepResult result) {
        Evaluation latest = lastEvaluation.get();
        if (latest == null || latest == written) {
            return;
        }
        written = latest;
        for (Map.Entry<String, byte[]> image : state.workload().evaluationImages(state.step()).entrySet()) {
            if (!image.getKey().matches("[A-Za-z0-9._-]+\\.png")) {
                throw new IllegalStateException(state.workload().name() + " named an evaluation image '" + image.getKey()
                        + "'; a name is letters, digits, '.', '_' or '-' ending in .png");
            }
            folder.writeBytes(RunFolder.PLOTS + "/" + image.getKey(), image.getValue());
        }
    }
}

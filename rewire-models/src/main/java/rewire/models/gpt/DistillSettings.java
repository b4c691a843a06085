package rewire.models.gpt;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The distillation section of a GPT run ({@code distill}): with a teacher, the run trains its model
 * (the student, typically a pruned run's model with its mask fixed) against the teacher's experts,
 * MoE-Pruner's expert-wise knowledge distillation (Xie et al. 2024, Eq. 10; METHODS.md H.2).
 *
 * @param teacher a trained GPT run folder of the same architecture whose last checkpoint is the frozen
 *                teacher (relative: to the configuration file's folder); none trains without distillation
 * @param lambda  weight of the summed per-expert mean squared errors beside the cross-entropy; none sets it
 *                at the first step to the cross-entropy over that sum, so the two terms start equal, and keeps it
 */
public record DistillSettings(Optional<Path> teacher, Optional<Double> lambda) {

    public DistillSettings {
        if (lambda.isPresent() && !(lambda.get() >= 0)) {
            throw new IllegalArgumentException("distill.lambda must be >= 0, got " + lambda.get());
        }
    }

    /** No distillation. */
    public static DistillSettings defaults() {
        return new DistillSettings(Optional.empty(), Optional.empty());
    }
}

package rewire.models.gan;

import java.util.Arrays;
import rewire.autodiff.Losses;
import rewire.autodiff.Ops;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;

/**
 * The two losses of a GAN ({@link GanSettings.Loss}) on the discriminator's scores {@code (1, N)}.
 * The discriminator's loss is the sum of its mean loss on the real images and its mean loss on the
 * fakes, scored together with the reals first: twice the mean over the pair.
 */
final class AdversarialLoss {
    private final GanSettings.Loss kind;

    AdversarialLoss(GanSettings.Loss kind) {
        this.kind = kind;
    }

    /** The discriminator's loss on {@code scores (1, 2B)}: B real images, then B fakes. */
    Var discriminator(Tape tape, Var scores, int batch) {
        if (scores.value().size() != 2 * batch) {
            throw new IllegalArgumentException("the discriminator scored " + scores.value().size() + " images for a "
                    + "pair of batches of " + batch);
        }
        float[] targets = new float[2 * batch];
        Arrays.fill(targets, 0, batch, 1f);
        Arrays.fill(targets, batch, 2 * batch, kind == GanSettings.Loss.HINGE ? -1f : 0f);
        Var mean = kind == GanSettings.Loss.HINGE ? Losses.hinge(tape, scores, targets)
                : Losses.sigmoidCrossEntropy(tape, scores, targets);
        return Ops.scale(tape, mean, 2);
    }

    /** The generator's loss on the scores of its fakes {@code (1, B)}: non-saturating, or hinge's {@code -mean}. */
    Var generator(Tape tape, Var scores) {
        if (kind == GanSettings.Loss.HINGE) {
            return Ops.scale(tape, Ops.mean(tape, scores), -1);
        }
        float[] ones = new float[scores.value().size()];
        Arrays.fill(ones, 1f);
        return Losses.sigmoidCrossEntropy(tape, scores, ones);
    }
}

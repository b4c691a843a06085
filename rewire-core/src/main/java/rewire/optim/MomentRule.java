package rewire.optim;

/**
 * How an optimizer stage moves its moments with each step's update {@code u}, for a reader that
 * keeps the same moments where the optimizer keeps none: SNFS's dense momentum, which follows the
 * optimizer's rule at the <em>inactive</em> positions of a sparse layer, as the reference's dense
 * momentum buffer does.
 * <pre>
 * m = firstDecay · m + firstGain · u
 * v = secondDecay · v + (1 - secondDecay) · u²        (with a second moment, else no v)
 * </pre>
 *
 * @param firstDecay  the first moment's decay: SGD's momentum, Adam's beta1; in [0, 1)
 * @param firstGain   the weight of the new update in the first moment: 1 for SGD, 1 - beta1 for Adam
 * @param secondDecay Adam's beta2 in [0, 1), or NaN without a second moment
 */
public record MomentRule(float firstDecay, float firstGain, float secondDecay) {

    public MomentRule {
        if (!(firstDecay >= 0 && firstDecay < 1) || !(firstGain > 0 && firstGain <= 1)) {
            throw new IllegalArgumentException("moment rule: first decay must be in [0, 1) and gain in (0, 1], got "
                    + firstDecay + " and " + firstGain);
        }
        if (!Float.isNaN(secondDecay) && !(secondDecay >= 0 && secondDecay < 1)) {
            throw new IllegalArgumentException("moment rule: second decay must be in [0, 1) or NaN, got " + secondDecay);
        }
    }

    /** SGD's heavy-ball buffer {@code m = beta m + u} (PyTorch, zero dampening). */
    public static MomentRule heavyBall(double beta) {
        return new MomentRule((float) beta, 1f, Float.NaN);
    }

    /** Adam's moments {@code m = b1 m + (1 - b1) u}, {@code v = b2 v + (1 - b2) u²}. */
    public static MomentRule adam(double b1, double b2) {
        return new MomentRule((float) b1, (float) (1 - b1), (float) b2);
    }

    /** Whether the rule keeps a second moment (Adam). */
    public boolean hasSecond() {
        return !Float.isNaN(secondDecay);
    }
}

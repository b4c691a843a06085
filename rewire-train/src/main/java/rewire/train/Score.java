package rewire.train;

import java.util.List;
import java.util.Locale;

/**
 * One number a workload's evaluation reports, named by the workload: test accuracy, validation
 * loss, win rate, episode return, FID. The first score a workload lists is its primary score: the
 * one the console, run.json, {@code rewire compare} and best-checkpoint retention go by.
 *
 * @param key       the name in logs and files (camelCase, such as "accuracy", "winRate")
 * @param label     what it measures, for people ("test accuracy", "validation loss")
 * @param direction whether more is better
 * @param percent   whether the value is a fraction in [0, 1] shown as a percentage
 */
public record Score(String key, String label, Direction direction, boolean percent) {

    /** Which way a score improves. */
    public enum Direction {
        HIGHER_IS_BETTER, LOWER_IS_BETTER
    }

    public Score {
        if (!key.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("score key '" + key + "' must be camelCase letters and digits");
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("score " + key + " needs a label");
        }
    }

    /** A fraction of correct answers, shown as a percentage, higher is better. */
    public static Score accuracy(String key, String label) {
        return new Score(key, label, Direction.HIGHER_IS_BETTER, true);
    }

    /** A loss, lower is better. */
    public static Score loss(String key, String label) {
        return new Score(key, label, Direction.LOWER_IS_BETTER, false);
    }

    /** A plain number, higher is better (a return, a count). */
    public static Score higher(String key, String label) {
        return new Score(key, label, Direction.HIGHER_IS_BETTER, false);
    }

    /** Whether {@code candidate} is better than {@code incumbent}; NaN is never better. */
    public boolean better(double candidate, double incumbent) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(incumbent)) {
            return true;
        }
        return direction == Direction.HIGHER_IS_BETTER ? candidate > incumbent : candidate < incumbent;
    }

    /** {@code value} for people: "84.31%" for a percentage, "2.5012" otherwise, "n/a" for NaN. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return percent ? String.format(Locale.ROOT, "%.2f%%", 100 * value) : String.format(Locale.ROOT, "%.4f", value);
    }

    /** The score keyed {@code key} among {@code scores}. */
    public static Score find(List<Score> scores, String key) {
        for (Score s : scores) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no score '" + key + "' among " + scores.stream().map(Score::key).toList());
    }
}

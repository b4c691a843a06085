package rewire.cli.progress;

import java.util.Locale;
import rewire.cli.report.Formats;

/**
 * Formats one {@link ProgressState} as one line of text, for example
 * {@code epoch 2/3  step 620/1407 [========>           ]  44%  loss 0.4512  acc 84.10%  density 10.00%
 * 2,940 examples/s  0:26 elapsed, 0:33 left}, then the workload's own numbers in words
 * ({@code episodes 53  env steps 1,163  win rate 35.0%}). Values that are unknown are left out; a
 * line too wide gives up bar width first, then the workload's numbers, then its end.
 */
final class ProgressLine {
    private final ProgressLabels labels;

    ProgressLine(ProgressLabels labels) {
        this.labels = labels;
    }

    /**
     * The line for {@code s}, with {@code elapsedSeconds} the run's wall-clock time so far and a
     * bar {@code barWidth} characters wide including its brackets (0 for none).
     */
    String format(ProgressState s, double elapsedSeconds, int barWidth) {
        return format(s, elapsedSeconds, barWidth, s.status().size());
    }

    /**
     * The line for {@code s} in at most {@code maxWidth} characters: with a narrower bar (or none,
     * the percentage stays), then without the workload's numbers from the last, then cut.
     */
    String fit(ProgressState s, double elapsedSeconds, int barWidth, int maxWidth) {
        int status = s.status().size();
        String text = format(s, elapsedSeconds, barWidth, status);
        int overflow = text.length() - maxWidth;
        if (overflow > 0) {
            int bar = barWidth - overflow >= 4 ? barWidth - overflow : 0;
            text = format(s, elapsedSeconds, bar, status);
            while (text.length() > maxWidth && status > 0) {
                text = format(s, elapsedSeconds, bar, --status);
            }
        }
        return text.length() > maxWidth ? text.substring(0, maxWidth).stripTrailing() : text;
    }

    // the line with the first {@code statusShown} of the workload's numbers
    private String format(ProgressState s, double elapsedSeconds, int barWidth, int statusShown) {
        assert barWidth == 0 || barWidth >= 3 : "bar width " + barWidth;
        StringBuilder line = new StringBuilder(160);
        if (s.epochs() > 0) {
            line.append(labels.epoch()).append(' ').append(s.epoch() + 1).append('/').append(s.epochs()).append("  ");
        }
        line.append(labels.step()).append(' ').append(s.step());
        double fraction = s.fraction();
        if (!Double.isNaN(fraction)) {
            line.append('/').append(s.totalSteps()).append(barWidth > 0 ? " " + bar(fraction, barWidth) : "")
                    .append(String.format(Locale.ROOT, " %3d%%", (int) Math.floor(100 * fraction)));
        }
        if (Double.isFinite(s.loss())) {
            line.append("  ").append(labels.loss()).append(String.format(Locale.ROOT, " %.4f", s.loss()));
        }
        if (Double.isFinite(s.accuracy())) {
            line.append("  ").append(accuracyLabel(s)).append(' ').append(labels.accuracyAsPercent()
                    ? String.format(Locale.ROOT, "%.2f%%", 100 * s.accuracy())
                    : String.format(Locale.ROOT, "%.4g", s.accuracy()));
        }
        if (Double.isFinite(s.density())) {
            line.append(String.format(Locale.ROOT, "  density %.2f%%", 100 * s.density()));
        }
        if (Double.isFinite(s.samplesPerSecond())) {
            line.append(String.format(Locale.ROOT, "  %,d ", Math.round(s.samplesPerSecond())))
                    .append(s.sampleUnit() == null ? labels.rate() : s.sampleUnit() + "/s");
        }
        if (Double.isFinite(elapsedSeconds)) {
            line.append("  ").append(duration(elapsedSeconds)).append(" elapsed");
            double left = secondsLeft(s, elapsedSeconds);
            if (Double.isFinite(left)) {
                line.append(", ").append(duration(left)).append(" left");
            }
        }
        s.status().entrySet().stream().limit(statusShown).forEach(e -> appendStatus(line, e.getKey(), e.getValue()));
        return line.toString();
    }

    // A step's accuracy is a mean over its samples: "acc" of examples, "token acc" of tokens.
    private String accuracyLabel(ProgressState s) {
        String unit = s.sampleUnit();
        if (unit == null || unit.equals("examples")) {
            return labels.accuracy();
        }
        return (unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit) + " " + labels.accuracy();
    }

    // "episodes 1,204", "win rate 35.0%", "epsilon 0.412": keys in words, counts as integers, rates as percentages
    private static void appendStatus(StringBuilder line, String key, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        line.append("  ").append(words(key)).append(' ');
        if (key.endsWith("Rate")) {
            line.append(String.format(Locale.ROOT, "%.1f%%", 100 * value));
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            line.append(String.format(Locale.ROOT, "%,d", (long) value));
        } else {
            line.append(String.format(Locale.ROOT, "%.3g", value));
        }
    }

    /** A camelCase key in words: "envSteps" -> "env steps", "winRate" -> "win rate". */
    static String words(String key) {
        return Formats.words(key);
    }

    /**
     * Time left at the run's average rate so far: elapsed · (total − step) / step; NaN when the
     * total is unknown or no step is done yet.
     */
    static double secondsLeft(ProgressState s, double elapsedSeconds) {
        if (s.totalSteps() == 0 || s.step() == 0 || !Double.isFinite(elapsedSeconds)) {
            return Double.NaN;
        }
        return elapsedSeconds * Math.max(0, s.totalSteps() - s.step()) / s.step();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String duration(double seconds) {
        long total = Math.round(Math.max(0, seconds));
        long h = total / 3600;
        long m = total % 3600 / 60;
        long sec = total % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    // "[=====>    ]": '=' for done, '>' at the head, spaces for the rest.
    private static String bar(double fraction, int barWidth) {
        int inner = barWidth - 2;
        int filled = (int) Math.floor(fraction * inner);
        StringBuilder b = new StringBuilder(barWidth).append('[');
        for (int i = 0; i < inner; i++) {
            b.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return b.append(']').toString();
    }
}

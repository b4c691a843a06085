package rewire.cli.report;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import rewire.train.Score;

/**
 * Number and time formatting for the report, the plot axes, the console and {@code rewire compare},
 * so one run reads the same everywhere; absent values (NaN, empty) print as a dash.
 */
public final class Formats {
    /** What an absent value prints as. */
    static final String ABSENT = "\u2014";

    private static final String[] SI = {"", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Formats() {
    }

    /** A fraction as a percentage: 0.885 -> "88.50%". */
    static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return ABSENT;
        }
        double p = 100 * fraction;
        return String.format(Locale.ROOT, p != 0 && Math.abs(p) < 1 ? "%.3f%%" : "%.2f%%", p);
    }

    /** A count with thousands separators: 2913290 -> "2,913,290". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A value with a decimal SI prefix and three significant digits: 1.2e12 -> "1.20 T". */
    static String si(double value) {
        if (!Double.isFinite(value)) {
            return ABSENT;
        }
        int prefix = 0;
        double v = value;
        while (Math.abs(v) >= 999.5 && prefix < SI.length - 1) {
            v /= 1000;
            prefix++;
        }
        String digits = Math.abs(v) >= 99.95 ? "%.0f" : Math.abs(v) >= 9.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, v) + " " + SI[prefix];
    }

    /** A FLOP count: 1.2e12 -> "1.20 TFLOP". */
    static String flops(double value) {
        return Double.isFinite(value) ? si(value) + "FLOP" : ABSENT;
    }

    /** An axis tick with an SI prefix and no trailing zeros: 4.0e11 -> "400G". */
    static String siTick(double value) {
        if (value == 0) {
            return "0";
        }
        int prefix = 0;
        double v = value;
        while (Math.abs(v) >= 1000 && prefix < SI.length - 1) {
            v /= 1000;
            prefix++;
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "") + SI[prefix];
    }

    /** A byte count in binary units: 812000000 -> "774.4 MiB"; negative (unknown) prints as absent. */
    static String bytes(long n) {
        if (n < 0) {
            return ABSENT;
        }
        double v = n;
        int unit = 0;
        while (v >= 1024 && unit < BINARY.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, BINARY[unit]);
    }

    /** A duration: 61.2 -> "61.2 s", 725 -> "12 min 5 s", 7380 -> "2 h 3 min"; absent when not finite. */
    public static String seconds(double s) {
        if (!Double.isFinite(s)) {
            return ABSENT;
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long whole = Math.round(s);
        if (whole < 3600) {
            return whole / 60 + " min " + whole % 60 + " s";
        }
        return whole / 3600 + " h " + whole % 3600 / 60 + " min";
    }

    /**
     * A run.json timestamp to the second, ISO-8601 in UTC: "2026-11-22T15:40:00.123456789Z" (as
     * older runs wrote it) -> "2026-11-22T15:40:00Z"; absent when null or empty, as written when it
     * is not an ISO-8601 instant.
     */
    public static String timestamp(String written) {
        if (written == null || written.isEmpty()) {
            return ABSENT;
        }
        try {
            return Instant.parse(written).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return written;
        }
    }

    /** A sparse / dense ratio with the saving it means: 0.12 -> "0.120 (8.3x fewer)". */
    static String ratio(double r) {
        if (!Double.isFinite(r)) {
            return ABSENT;
        }
        String base = String.format(Locale.ROOT, "%.3f", r);
        return r > 0 && r < 1 ? base + String.format(Locale.ROOT, " (%.1f\u00d7 fewer)", 1 / r) : base;
    }

    /** A score's value as the score shows it: a percentage or a plain number; absent when NaN. */
    static String score(Score score, double value) {
        return score.percent() ? percent(value) : number(value);
    }

    /** A plain number with up to four significant digits: 0.33214 -> "0.3321". */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return ABSENT;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return count((long) v);
        }
        // %.4g pads the fraction with zeros ("0.3300", "1.500e-05"): drop them, then a bare point.
        String padded = String.format(Locale.ROOT, "%.4g", v);
        return padded.replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    /** A camelCase key in words: "envSteps" -> "env steps", "winRate" -> "win rate". */
    public static String words(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}

package rewire.cli.progress;

import java.io.Console;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A one-line terminal progress bar. On a terminal it redraws its line in place ({@code \r}) at
 * most every {@link Builder#redrawIntervalMillis} (100 ms by default, about ten times a second);
 * elsewhere (a log file, CI, a pipe) it prints a plain line each time another
 * {@link Builder#plainEveryPercent} of the run is done, or every 10 s when the total is unknown.
 *
 * <p>Call order: {@link #update} any number of times from the training thread, {@link #println}
 * for messages between updates, then {@link #finish} once. Time comes from an injectable clock
 * so the throttling can be tested.
 */
public final class ProgressBar {
    private static final long PLAIN_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final boolean plain;
    private final ProgressLine format;
    private final int barWidth;
    private final int maxWidth;
    private final double plainEveryPercent;
    private final long redrawIntervalNanos;
    private final LongSupplier clock;
    private final long startNanos;

    private ProgressState latest;
    private boolean latestShown;
    private boolean everShown;
    private long lastShownNanos;
    private int drawnWidth;
    private double lastPlainPercent = Double.NEGATIVE_INFINITY;
    private boolean finished;

    private ProgressBar(Builder b) {
        this.out = b.out;
        this.plain = b.plain;
        this.format = new ProgressLine(b.labels);
        this.barWidth = b.barWidth;
        this.maxWidth = b.lineLimit();
        this.plainEveryPercent = b.plainEveryPercent;
        this.redrawIntervalNanos = b.redrawIntervalMillis * 1_000_000L;
        this.clock = b.clock;
        this.startNanos = clock.getAsLong();
    }

    /** A builder with defaults for the console: stderr, redraws on a terminal, plain lines elsewhere. */
    public static Builder builder() {
        return new Builder();
    }

    /** Shows {@code state}, now or at the next allowed redraw; the final step always shows. */
    public synchronized void update(ProgressState state) {
        if (finished) {
            throw new IllegalStateException("update after finish()");
        }
        latest = state;
        latestShown = false;
        long now = clock.getAsLong();
        if (due(state, now)) {
            show(now);
        }
    }

    /** Prints a message on its own line without breaking the bar, which is redrawn below it. */
    public synchronized void println(String message) {
        if (!plain && drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
        out.println(message);
        if (!plain && latest != null) {
            draw(clock.getAsLong());
        }
        out.flush();
    }

    /** Shows the latest state if it was not shown yet and ends the line; later calls do nothing. */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (latest != null && !latestShown) {
            show(clock.getAsLong());
        }
        if (!plain && drawnWidth > 0) {
            out.println();
        }
        out.flush();
    }

    // The first and the final state always show; in between the mode's throttle decides.
    private boolean due(ProgressState state, long now) {
        boolean last = state.totalSteps() > 0 && state.step() >= state.totalSteps();
        if (!everShown || last) {
            return true;
        }
        if (!plain) {
            return now - lastShownNanos >= redrawIntervalNanos;
        }
        if (state.totalSteps() == 0) {
            return now - lastShownNanos >= PLAIN_INTERVAL_NANOS;
        }
        return Math.floor(percent(state) / plainEveryPercent) > Math.floor(lastPlainPercent / plainEveryPercent);
    }

    // Multiplies before dividing so whole percentages come out exact (60 of 200 is 30.0, not 29.99...).
    private static double percent(ProgressState state) {
        return 100.0 * Math.min(state.step(), state.totalSteps()) / state.totalSteps();
    }

    private void show(long now) {
        if (plain) {
            out.println(text(now));
            if (latest.totalSteps() > 0) {
                lastPlainPercent = percent(latest);
            }
        } else {
            draw(now);
        }
        out.flush();
        lastShownNanos = now;
        everShown = true;
        latestShown = true;
    }

    // Overwrites the current line; pads with spaces when the new text is shorter than the old.
    private void draw(long now) {
        String text = text(now);
        out.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
        drawnWidth = text.length();
    }

    private String text(long now) {
        double elapsed = Double.isFinite(latest.elapsedSeconds()) ? latest.elapsedSeconds()
                : (now - startNanos) / 1e9;
        return format.fit(latest, elapsed, barWidth, maxWidth);
    }

    /** Settings of a {@link ProgressBar}; every setter has a default. */
    public static final class Builder {
        private PrintStream out = System.err;
        private boolean plain = !consoleIsTerminal();
        private ProgressLabels labels = ProgressLabels.training();
        private int barWidth = 22;
        private Integer maxWidth;
        private double plainEveryPercent = 10;
        private long redrawIntervalMillis = 100;
        private LongSupplier clock = System::nanoTime;

        private Builder() {
        }

        /** Where the bar goes; default {@code System.err}, keeping stdout for results. */
        public Builder out(PrintStream stream) {
            this.out = Objects.requireNonNull(stream, "out");
            return this;
        }

        /**
         * True for plain lines instead of redraws. Default: plain unless the JVM has an interactive
         * console ({@code System.console().isTerminal()}) and {@code -Drewire.progress.plain} is not set.
         */
        public Builder plain(boolean plainLines) {
            this.plain = plainLines;
            return this;
        }

        /** The words shown; default {@link ProgressLabels#training()}. */
        public Builder labels(ProgressLabels words) {
            this.labels = Objects.requireNonNull(words, "labels");
            return this;
        }

        /** Characters of the bar including its brackets, at least 4; default 22. */
        public Builder barWidth(int chars) {
            if (chars < 4) {
                throw new IllegalArgumentException("bar width must be >= 4, got " + chars);
            }
            this.barWidth = chars;
            return this;
        }

        /**
         * Longest line; a longer one gets a narrower bar, or none, then leaves out the workload's
         * own numbers (from the last), then is cut. Default: no limit for plain lines (a log keeps
         * every value); on a terminal its columns minus one when the COLUMNS variable is exported,
         * else 119.
         */
        public Builder maxWidth(int chars) {
            if (chars < 20) {
                throw new IllegalArgumentException("max width must be >= 20, got " + chars);
            }
            this.maxWidth = chars;
            return this;
        }

        /** In plain mode, a line each time this much more of the run is done; default 10. */
        public Builder plainEveryPercent(double percent) {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("plainEveryPercent must be in (0, 100], got " + percent);
            }
            this.plainEveryPercent = percent;
            return this;
        }

        /** Least time between two redraws on a terminal; default 100 ms. */
        public Builder redrawIntervalMillis(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("redraw interval must be >= 0, got " + millis);
            }
            this.redrawIntervalMillis = millis;
            return this;
        }

        /** A nanosecond clock; default {@link System#nanoTime}; tests pass a fake. */
        public Builder clock(LongSupplier nanos) {
            this.clock = Objects.requireNonNull(nanos, "clock");
            return this;
        }

        public ProgressBar build() {
            return new ProgressBar(this);
        }

        // the limit set, else none for plain lines, else the terminal's width
        private int lineLimit() {
            if (maxWidth != null) {
                return maxWidth;
            }
            return plain ? Integer.MAX_VALUE : terminalColumns() - 1;
        }

        // System.console() is non-null on JDK 22+ even when redirected; isTerminal() tells.
        private static boolean consoleIsTerminal() {
            Console console = System.console();
            return console != null && console.isTerminal() && !Boolean.getBoolean("rewire.progress.plain");
        }

        private static int terminalColumns() {
            try {
                int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").trim());
                return Math.max(21, columns);
            } catch (NumberFormatException e) {
                return 120;
            }
        }
    }
}

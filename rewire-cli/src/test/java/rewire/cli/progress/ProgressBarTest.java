package rewire.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.train.Progress;

class ProgressBarTest {
    private static final double NAN = Double.NaN;
    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now = 5_000 * MS;

    private static ProgressState state(long step, long total, double elapsed) {
        long epoch = Math.min(2, 3 * step / Math.max(1, total));
        return new ProgressState(epoch, 3, step, total, 0.45123, 0.841, 0.1, 2940.4, elapsed);
    }

    private ProgressBar.Builder bar() {
        return ProgressBar.builder().out(out).clock(() -> now).maxWidth(200);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineShowsEveryKnownValueAndTheTimeLeft() {
        ProgressLine line = new ProgressLine(ProgressLabels.training());
        // 250 of 1000 steps in 30 s: 750 more at the same rate take 90 s.
        assertEquals("epoch 1/3  step 250/1000 [==>       ]  25%  loss 0.4512  acc 84.10%  density 10.00%  "
                + "2,940 samples/s  0:30 elapsed, 1:30 left", line.format(state(250, 1000, 30), 30, 12));
    }

    @Test
    void aWorkloadsStatusComesLastInItsOwnOrderAndInWords() {
        ProgressLine line = new ProgressLine(ProgressLabels.training());
        ProgressState s = new ProgressState(0, 3, 250, 1000, 0.45123, Double.NaN, 0.1, 2940.4, 30, marlStatus(),
                "env steps");
        assertEquals("epoch 1/3  step 250/1000  25%  loss 0.4512  density 10.00%  2,940 env steps/s  "
                + "0:30 elapsed, 1:30 left  episodes 1,204  env steps 26,488  win rate 35.0%  return 12.3",
                line.format(s, 30, 0));
    }

    @Test
    void aLineTooWideGivesUpTheBarThenTheStatusFromItsEndButKeepsTheThroughputAndTheTime() {
        ProgressState marl = new ProgressState(0, 1, 30, 30, 0.1994, Double.NaN, 0.1, 212.3, 5.5, marlStatus(),
                "env steps");
        ProgressBar bar = bar().plain(false).maxWidth(119).build();
        bar.update(marl);
        assertEquals("\repoch 1/1  step 30/30 100%  loss 0.1994  density 10.00%  212 env steps/s  0:06 elapsed, "
                + "0:00 left  episodes 1,204", output());
        bytes.reset();
        ProgressBar wider = bar().plain(false).maxWidth(150).build();
        wider.update(marl);
        assertTrue(output().endsWith("0:00 left  episodes 1,204  env steps 26,488  win rate 35.0%"), output());
    }

    @Test
    void plainLinesForALogAreNeverCut() {
        ProgressState marl = new ProgressState(0, 1, 30, 30, 0.1994, Double.NaN, 0.1, 212.3, 5.5, marlStatus(),
                "env steps");
        ProgressBar.builder().out(out).clock(() -> now).plain(true).build().update(marl);
        assertEquals("epoch 1/1  step 30/30 [====================] 100%  loss 0.1994  density 10.00%  212 env steps/s  "
                + "0:06 elapsed, 0:00 left  episodes 1,204  env steps 26,488  win rate 35.0%  return 12.3\n", output());
    }

    @Test
    void aStepsAccuracyIsNamedByWhatItCounts() {
        ProgressLine line = new ProgressLine(ProgressLabels.training());
        ProgressState gpt = new ProgressState(0, 1, 45, 90, 3.17, 0.17, 0.16, 12192, 5, java.util.Map.of(), "tokens");
        assertTrue(line.format(gpt, 5, 0).contains("  token acc 17.00%  "), line.format(gpt, 5, 0));
        assertTrue(line.format(gpt, 5, 0).contains("  12,192 tokens/s  "), line.format(gpt, 5, 0));
        ProgressState mlp = new ProgressState(0, 1, 45, 90, 0.5, 0.84, 0.1, 3000, 5, java.util.Map.of(), "examples");
        assertTrue(line.format(mlp, 5, 0).contains("  acc 84.00%  density"), line.format(mlp, 5, 0));
    }

    private static java.util.Map<String, Double> marlStatus() {
        java.util.Map<String, Double> status = new java.util.LinkedHashMap<>();
        status.put("episodes", 1204.0);
        status.put("envSteps", 26488.0);
        status.put("winRate", 0.35);
        status.put("return", 12.345);
        status.put("epsilon", Double.NaN);
        return status;
    }

    @Test
    void timeLeftFollowsTheAverageRate() {
        assertEquals(90, ProgressLine.secondsLeft(state(250, 1000, 30), 30), 1e-9);
        assertEquals(0, ProgressLine.secondsLeft(state(1000, 1000, 30), 30));
        assertTrue(Double.isNaN(ProgressLine.secondsLeft(state(0, 1000, 0), 0)), "no step done, no rate");
        assertTrue(Double.isNaN(ProgressLine.secondsLeft(state(10, 0, 5), 5)), "unknown total");
        assertEquals("1:01:05", ProgressLine.duration(3665));
        assertEquals("0:09", ProgressLine.duration(9.4));
    }

    @Test
    void unknownValuesAreLeftOut() {
        ProgressLine line = new ProgressLine(ProgressLabels.training());
        ProgressState bare = new ProgressState(0, 0, 42, 0, NAN, NAN, NAN, NAN, NAN);
        assertEquals("step 42", line.format(bare, NAN, 12));
    }

    @Test
    void episodesUseTheirOwnWordsAndAPlainScore() {
        ProgressLine line = new ProgressLine(ProgressLabels.episodes());
        ProgressState s = new ProgressState(2, 10, 500, 2000, NAN, 195.25, NAN, 812, 10);
        assertEquals("episode 3/10  step 500/2000 [=>  ]  25%  return 195.3  812 steps/s  0:10 elapsed, 0:30 left",
                line.format(s, 10, 6));
    }

    @Test
    void onATerminalItRedrawsAtMostEveryHundredMilliseconds() {
        ProgressBar bar = bar().plain(false).build();
        for (int step = 1; step <= 20; step++) {
            bar.update(state(step, 1000, step * 0.01));
            now += 30 * MS;
        }
        // Updates every 30 ms over 600 ms: the first, then one per >= 100 ms (every 4th update).
        assertEquals(5, count(output(), '\r'));
        assertFalse(output().contains("\n"), "redraws stay on one line");
        bar.finish();
        assertTrue(output().endsWith("step 20/1000 [>                   ]   2%  loss 0.4512  acc 84.10%  "
                + "density 10.00%  2,940 samples/s  0:00 elapsed, 0:10 left\n"), output());
    }

    @Test
    void theFinalStepAlwaysShowsAndFinishEndsTheLineOnce() {
        ProgressBar bar = bar().plain(false).build();
        bar.update(state(999, 1000, 9.99));
        bar.update(state(1000, 1000, 10));
        assertEquals(2, count(output(), '\r'), "the last step is drawn even 0 ms after the previous");
        bar.finish();
        bar.finish();
        assertEquals(1, count(output(), '\n'));
        assertThrows(IllegalStateException.class, () -> bar.update(state(1, 1, 1)));
    }

    @Test
    void aShorterLineBlanksTheRestOfTheLongerOne() {
        ProgressBar bar = bar().plain(false).redrawIntervalMillis(0).build();
        bar.update(state(1, 1000, 1));
        int longer = output().length() - 1;
        bar.update(new ProgressState(0, 0, 2, 0, NAN, NAN, NAN, NAN, NAN));
        String second = output().substring(longer + 1);
        assertEquals(longer + 1, second.length(), "\\r plus text padded to the old width");
        assertTrue(second.startsWith("\rstep 2 "));
    }

    @Test
    void withoutATerminalItPrintsAPlainLineEveryTenPercent() {
        ProgressBar bar = bar().plain(true).build();
        for (int step = 1; step <= 200; step++) {
            bar.update(state(step, 200, step * 0.1));
            now += 50 * MS;
        }
        bar.finish();
        List<String> lines = output().lines().toList();
        // The first update (0.5%), then each 10% from 10% to 100%.
        assertEquals(11, lines.size(), output());
        assertFalse(output().contains("\r"));
        assertTrue(lines.get(1).contains("step 20/200"), lines.get(1));
        assertTrue(lines.get(10).contains("step 200/200") && lines.get(10).contains("100%"), lines.get(10));
    }

    @Test
    void finishShowsAStateThatWasThrottledAway() {
        ProgressBar bar = bar().plain(true).plainEveryPercent(50).build();
        bar.update(state(1, 100, 1));
        bar.update(state(30, 100, 3));
        bar.finish();
        List<String> lines = output().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains("step 30/100"));
    }

    @Test
    void withoutElapsedSecondsTheBarTimesTheRunItself() {
        ProgressBar bar = bar().plain(true).build();
        now += 65_000 * MS;
        bar.update(new ProgressState(0, 0, 7, 0, 1.5, NAN, NAN, NAN, NAN));
        assertEquals("step 7  loss 1.5000  1:05 elapsed\n", output());
    }

    @Test
    void printlnPutsAMessageAboveTheBar() {
        ProgressBar bar = bar().plain(false).build();
        bar.update(new ProgressState(0, 0, 3, 0, NAN, NAN, NAN, NAN, 1));
        bar.println("epoch 1: test accuracy 80%");
        assertEquals("\rstep 3  0:01 elapsed\r" + " ".repeat(20) + "\repoch 1: test accuracy 80%\n"
                + "\rstep 3  0:01 elapsed", output());
    }

    @Test
    void aLineTooWideLosesBarWidthFirstThenItsEnd() {
        ProgressBar narrower = bar().plain(true).maxWidth(120).build();
        narrower.update(state(500, 1000, 1));
        // The full line is 136 characters with the 22-character bar; the bar gives up 16.
        assertEquals("epoch 2/3  step 500/1000 [==>  ]  50%  loss 0.4512  acc 84.10%  density 10.00%  "
                + "2,940 samples/s  0:01 elapsed, 0:01 left\n", output());
        bytes.reset();
        ProgressBar cut = bar().plain(true).maxWidth(30).build();
        cut.update(state(500, 1000, 1));
        assertEquals("epoch 2/3  step 500/1000  50%\n", output(), "no bar at all, then cut at 30 (and the dangling space dropped)");
    }

    @Test
    void theTrainersSnapshotConvertsFieldByField() {
        ProgressState s = ProgressState.from(new Progress(250, 1000, 0, 3, 0.5, java.util.Map.of("accuracy", 0.8), 0.1,
                3000, "tokens", 12, java.util.Map.of()));
        assertEquals(new ProgressState(0, 3, 250, 1000, 0.5, 0.8, 0.1, 3000, 12, java.util.Map.of(), "tokens"), s);
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ProgressBar.builder().plainEveryPercent(0));
        assertThrows(IllegalArgumentException.class, () -> ProgressBar.builder().barWidth(3));
        assertThrows(IllegalArgumentException.class, () -> new ProgressState(0, 1, -1, 10, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProgressState(3, 3, 1, 10, 0, 0, 0, 0, 0));
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}

package rewire.bench.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rewire.train.Hook;
import rewire.train.StepResult;
import rewire.train.TrainState;

/**
 * A training hook that takes the wall-clock time of every epoch: from the first step of the
 * epoch to the end of its last step (every hook's work included, such as rewiring).
 */
final class EpochClock implements Hook {
    private final List<Double> seconds = new ArrayList<>();
    private long epochStart;

    @Override
    public void onStart(TrainState state) {
        epochStart = System.nanoTime();
    }

    @Override
    public void afterStep(TrainState state, StepResult result) {
        if (state.atEpochEnd()) {
            long now = System.nanoTime();
            seconds.add((now - epochStart) / 1e9);
            epochStart = now;
        }
    }

    /** Seconds of each finished epoch, in order. */
    List<Double> epochSeconds() {
        return List.copyOf(seconds);
    }

    /** The median of the epochs after the first {@code warmup}. */
    double medianAfter(int warmup) {
        if (seconds.size() <= warmup) {
            throw new IllegalStateException(seconds.size() + " epochs timed, need more than the " + warmup + " warm-up");
        }
        return median(seconds.subList(warmup, seconds.size()));
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}

package rewire.bench.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rewire.train.Hook;
import rewire.train.StepResult;
import rewire.train.TrainState;

/**
 * A training hook that takes the wall-clock time of every epoch, from the first step of the epoch
 * to the end of its last step (every hook's work included), with the part of it that a
 * {@link RewireClock} saw spent in topology updates; {@link #steadyState} turns the epochs into
 * the peer benchmark's two times per epoch.
 */
final class EpochClock implements Hook {
    /** One epoch: its wall clock, the seconds of its topology updates (part of it) and their count. */
    record Epoch(double seconds, double rewireSeconds, int updates) {
        double trainingSeconds() {
            return seconds - rewireSeconds;
        }
    }

    /** Training seconds per epoch and topology-update seconds per epoch, as {@link PeerResult} holds them. */
    record SteadyState(double epochSeconds, double rewireSeconds) {
    }

    private final RewireClock rewiring;
    private final List<Epoch> epochs = new ArrayList<>();
    private long epochStart;

    EpochClock(RewireClock rewiring) {
        this.rewiring = rewiring;
    }

    @Override
    public void onStart(TrainState state) {
        rewiring.take();
        epochStart = System.nanoTime();
    }

    @Override
    public void afterStep(TrainState state, StepResult result) {
        if (state.atEpochEnd()) {
            long now = System.nanoTime();
            RewireClock.Taken updates = rewiring.take();
            epochs.add(new Epoch((now - epochStart) / 1e9, updates.seconds(), updates.updates()));
            epochStart = now;
        }
    }

    /** Every finished epoch, in order. */
    List<Epoch> epochs() {
        return List.copyOf(epochs);
    }

    /**
     * The steady state of a run after its first {@code warmup} epochs: the median over the timed
     * epochs of their training seconds, and the run's topology updates per epoch (all of them, over
     * all epochs) at the mean seconds of one update in the timed epochs (in all epochs when no timed
     * epoch rewired), so that the figure does not depend on which epochs the schedule's updates fell in.
     */
    static SteadyState steadyState(List<Epoch> epochs, int warmup) {
        if (epochs.size() <= warmup) {
            throw new IllegalStateException(epochs.size() + " epochs timed, need more than the " + warmup + " warm-up");
        }
        List<Epoch> timed = epochs.subList(warmup, epochs.size());
        double training = median(timed.stream().map(Epoch::trainingSeconds).toList());
        int allUpdates = epochs.stream().mapToInt(Epoch::updates).sum();
        if (allUpdates == 0) {
            return new SteadyState(training, 0);
        }
        List<Epoch> sampled = timed.stream().anyMatch(e -> e.updates() > 0) ? timed : epochs;
        double perUpdate = sampled.stream().mapToDouble(Epoch::rewireSeconds).sum()
                / sampled.stream().mapToInt(Epoch::updates).sum();
        return new SteadyState(training, perUpdate * allUpdates / epochs.size());
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}

package rewire.bench.peer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of a training step goes: the JFR samples (Java and native, such as OpenBLAS)
 * taken over timed epochs, each put in one {@link StepPhase}, and the wall time of those epochs.
 * A phase's time per step is its share of the samples times the wall time per step: with one
 * thread the samples are the step's wall time, and the shares stay comparable across densities.
 *
 * @param method      dense or rigl
 * @param density     the run's target density (1 for dense)
 * @param steps       the steps the recording covered
 * @param wallSeconds their wall-clock seconds, hooks included
 * @param samples     samples per phase, every phase present
 */
record StepProfile(String method, double density, long steps, double wallSeconds, Map<StepPhase, Integer> samples) {
    /** Marks a profile's lines in a run's output and in the CSV the report reads. */
    static final String PREFIX = "STEP_COST,";
    private static final List<String> SAMPLE_EVENTS = List.of("jdk.ExecutionSample", "jdk.NativeMethodSample");

    StepProfile {
        if (steps < 1 || !(wallSeconds > 0)) {
            throw new IllegalArgumentException("a step profile needs steps >= 1 and wall seconds > 0, got "
                    + steps + " and " + wallSeconds);
        }
        EnumMap<StepPhase, Integer> all = new EnumMap<>(StepPhase.class);
        for (StepPhase p : StepPhase.values()) {
            all.put(p, samples.getOrDefault(p, 0));
        }
        samples = Map.copyOf(all);
    }

    /** The profile of a recording's sample events. */
    static StepProfile read(Path jfr, String method, double density, long steps, double wallSeconds)
            throws IOException {
        List<List<String>> stacks = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            RecordedStackTrace trace = e.getStackTrace();
            if (SAMPLE_EVENTS.contains(e.getEventType().getName()) && trace != null) {
                stacks.add(trace.getFrames().stream().map(StepProfile::frame).toList());
            }
        }
        return of(method, density, steps, wallSeconds, stacks);
    }

    /** The profile of these stacks (frames as "class.method"). */
    static StepProfile of(String method, double density, long steps, double wallSeconds, List<List<String>> stacks) {
        Map<StepPhase, Integer> samples = new EnumMap<>(StepPhase.class);
        for (List<String> frames : stacks) {
            samples.merge(StepPhase.of(frames), 1, Integer::sum);
        }
        return new StepProfile(method, density, steps, wallSeconds, samples);
    }

    int totalSamples() {
        return samples.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Wall milliseconds per step. */
    double msPerStep() {
        return wallSeconds * 1e3 / steps;
    }

    /** The phase's milliseconds per step: its share of the samples of {@link #msPerStep}. */
    double msPerStep(StepPhase p) {
        int total = totalSamples();
        return total == 0 ? Double.NaN : msPerStep() * samples.get(p) / total;
    }

    /** One line per phase: prefix, method, density, steps, wall seconds, phase, samples. */
    List<String> toCsv() {
        List<String> lines = new ArrayList<>();
        for (StepPhase p : StepPhase.values()) {
            lines.add(String.format(Locale.ROOT, "%s%s,%s,%d,%s,%s,%d", PREFIX, method, density, steps, wallSeconds,
                    p.name(), samples.get(p)));
        }
        return lines;
    }

    /** The profiles of CSV lines written by {@link #toCsv} (prefix removed), in the order they appear. */
    static List<StepProfile> fromCsv(List<String> lines) {
        List<StepProfile> profiles = new ArrayList<>();
        String run = null;
        Map<StepPhase, Integer> samples = new EnumMap<>(StepPhase.class);
        String[] head = null;
        for (String line : lines) {
            String[] f = line.split(",");
            if (f.length != 6) {
                throw new IllegalArgumentException("step cost line '" + line
                        + "': need method,density,steps,wallSeconds,phase,samples");
            }
            String key = String.join(",", f[0], f[1], f[2], f[3]);
            if (!key.equals(run)) {
                if (head != null) {
                    profiles.add(parsed(head, samples));
                }
                run = key;
                head = f;
                samples = new EnumMap<>(StepPhase.class);
            }
            samples.put(StepPhase.valueOf(f[4]), Integer.parseInt(f[5]));
        }
        if (head != null) {
            profiles.add(parsed(head, samples));
        }
        return profiles;
    }

    private static StepProfile parsed(String[] f, Map<StepPhase, Integer> samples) {
        return new StepProfile(f[0], Double.parseDouble(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]), samples);
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}

package rewire.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of one {@link RewireBenchmark} update goes: the JFR execution samples of a run
 * with {@code -prof jfr} (one {@code profile.jfr} per configuration, in a directory whose name
 * carries JMH's parameters), each put in one {@link Phase} by the innermost frame that names one.
 * It also checks the dense-gradient path: which GEMM the samples under {@code Kernels.gemmRaw}
 * ran in, and what called it.
 *
 * @param grower          the grower parameter
 * @param density         the density parameter
 * @param threads         the threads parameter
 * @param samples         samples of the update (the benchmark thread inside {@code RewireBenchmark.update})
 * @param phases          samples per phase, every phase present
 * @param gemmViaScores   GEMM samples (OpenBLAS or Java) called from {@code DenseScores} (growth
 *                        scoring) through {@code Kernels.gemmRaw}
 */
record RewireBenchmarkProfile(String grower, double density, int threads, int samples, Map<Phase, Integer> phases,
                              int gemmViaScores) {

    /** A part of an update, named by the frames that mark it. */
    enum Phase {
        PRUNE("prune: magnitude scores and ranking", "rewire.sparsity.RewireStep.prune"),
        OPENBLAS("grow: dense GEMM in OpenBLAS", "rewire.kernel.NativeBlas.gemm"),
        JAVA_GEMM("grow: dense GEMM in a Java provider", "rewire.kernel.ScalarKernels.gemm", "rewire.simd."),
        CH_SCORES("grow: CH link-prediction scores", "rewire.sparsity.ch."),
        HEAP("grow: top-k selection (TopK.offer)", "rewire.kernel.TopK.offer"),
        RESULT("grow: top-k result sort (TopK.result)", "rewire.kernel.TopK.result"),
        SELECTION("grow: sort by position (Selection)", "rewire.sparsity.Selection."),
        GROW_OTHER("grow: scan, keys, score tiles", "rewire.sparsity.RewireStep.growPerLayer"),
        APPLY("apply: new pattern, remap of values, gradient, slot", "rewire.sparsity.RewireStep.apply"),
        OTHER("other");

        private final String label;
        private final String[] markers;

        Phase(String label, String... markers) {
            this.label = label;
            this.markers = markers;
        }

        String label() {
            return label;
        }

        /** Whether {@code frame} ("class.method") starts with one of this phase's markers. */
        boolean marks(String frame) {
            for (String m : markers) {
                if (frame.startsWith(m)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String UPDATE_FRAME = RewireBenchmark.class.getName() + ".update";
    private static final Pattern PARAMS = Pattern.compile("density-([0-9.]+)-grower-([a-z0-9]+)-.*threads-(\\d+)");

    /** Reads {@code .../<JMH parameters>/profile.jfr}. */
    static RewireBenchmarkProfile read(Path jfr) throws IOException {
        Matcher m = PARAMS.matcher(String.valueOf(jfr.toAbsolutePath().getParent().getFileName()));
        if (!m.find()) {
            throw new IOException(jfr + ": the directory name does not carry JMH's density, grower and threads");
        }
        List<List<String>> stacks = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            RecordedStackTrace trace = e.getStackTrace();
            if (e.getEventType().getName().equals("jdk.ExecutionSample") && trace != null) {
                stacks.add(trace.getFrames().stream().map(RewireBenchmarkProfile::frame).toList());
            }
        }
        return of(m.group(2), Double.parseDouble(m.group(1)), Integer.parseInt(m.group(3)), stacks);
    }

    /** The profile of these stacks (frames innermost first, as "class.method"); stacks outside the update are ignored. */
    static RewireBenchmarkProfile of(String grower, double density, int threads, List<List<String>> stacks) {
        Map<Phase, Integer> phases = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            phases.put(p, 0);
        }
        int samples = 0;
        int viaScores = 0;
        for (List<String> frames : stacks) {
            if (!frames.contains(UPDATE_FRAME)) {
                continue;
            }
            samples++;
            Phase p = phase(frames);
            phases.merge(p, 1, Integer::sum);
            if ((p == Phase.OPENBLAS || p == Phase.JAVA_GEMM) && calledFromScores(frames)) {
                viaScores++;
            }
        }
        return new RewireBenchmarkProfile(grower, density, threads, samples, phases, viaScores);
    }

    /** The phase of the innermost frame that marks one. */
    static Phase phase(List<String> frames) {
        for (String f : frames) {
            for (Phase p : Phase.values()) {
                if (p.marks(f)) {
                    return p;
                }
            }
        }
        return Phase.OTHER;
    }

    /** Samples in a dense GEMM, OpenBLAS or Java. */
    int gemmSamples() {
        return phases.get(Phase.OPENBLAS) + phases.get(Phase.JAVA_GEMM);
    }

    // ... -> DenseScores (topAbsProductOutside, through its scan) -> Kernels.gemmRaw
    //     -> (NativeBlas.gemm | provider) ...
    private static boolean calledFromScores(List<String> frames) {
        int gemm = frames.indexOf("rewire.kernel.Kernels.gemmRaw");
        return gemm >= 0 && gemm + 1 < frames.size()
                && frames.get(gemm + 1).startsWith("rewire.kernel.DenseScores.");
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}

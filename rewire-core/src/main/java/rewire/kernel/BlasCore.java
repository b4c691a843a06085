package rewire.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which OpenBLAS kernels run, and the best ones this CPU could run.
 *
 * <p>Why: an OpenBLAS built with {@code DYNAMIC_ARCH} (Debian's) picks its kernels, a "core type",
 * from the CPU when it loads, unless the environment variable {@code OPENBLAS_CORETYPE} names one.
 * A host that sets {@code OPENBLAS_CORETYPE=Haswell} for safety gets AVX2 kernels on a CPU with
 * AVX-512, for PyTorch and Rewire alike, and nothing says so. Rewire does not change the
 * environment of a run; it reports the gap and the setting that closes it.
 *
 * <p>Core types are compared by the widest instruction set their kernels use (SSE, AVX, AVX2,
 * AVX-512): Zen and Haswell are the same level, so running one on the other's CPU is no gap.
 *
 * @param running    the core type OpenBLAS runs ({@code openblas_get_corename}), {@link #NONE}
 *                   without OpenBLAS, {@link #UNKNOWN} when the library does not say
 * @param best       the best core type for this CPU in OpenBLAS's names, or {@link #UNKNOWN}
 * @param switchable whether the library chooses its kernels at load time ({@code DYNAMIC_ARCH}),
 *                   so that {@code OPENBLAS_CORETYPE} can change them
 * @param requested  the environment's {@code OPENBLAS_CORETYPE}, or empty when unset
 */
public record BlasCore(String running, String best, boolean switchable, String requested) {
    /** {@link #running} without OpenBLAS. */
    public static final String NONE = "none";
    /** A core type that cannot be told. */
    public static final String UNKNOWN = "unknown";
    /** The environment variable through which OpenBLAS takes a core type. */
    public static final String CORETYPE_VARIABLE = "OPENBLAS_CORETYPE";

    private static final List<String> LEVELS = List.of("SSE", "AVX", "AVX2", "AVX-512");
    // OpenBLAS's x86-64 core types (lower case) by the instruction-set level of their kernels
    private static final List<Set<String>> CORES_BY_LEVEL = List.of(
            Set.of("katmai", "coppermine", "northwood", "prescott", "banias", "atom", "core2", "penryn",
                    "dunnington", "nehalem", "athlon", "opteron", "opteron_sse3", "barcelona", "nano", "bobcat"),
            Set.of("sandybridge", "bulldozer", "piledriver", "steamroller", "excavator"),
            Set.of("haswell", "zen"),
            Set.of("skylakex", "cooperlake", "sapphirerapids"));

    /** The core of an OpenBLAS that runs {@code running}, built as {@code config} says, on this machine. */
    static BlasCore detect(String running, String config) {
        String requested = System.getenv(CORETYPE_VARIABLE);
        return new BlasCore(running, ThisCpu.BEST, config.contains("DYNAMIC_ARCH"),
                requested == null ? "" : requested.trim());
    }

    /** Without OpenBLAS: nothing runs, the CPU's best is still told. */
    static BlasCore absent() {
        return detect(NONE, "");
    }

    /**
     * The best OpenBLAS core type for the CPU that {@code cpuinfo} (the text of /proc/cpuinfo)
     * describes: SkylakeX with AVX-512 (Cooperlake when it also has bfloat16), Haswell with AVX2
     * and FMA (Zen on AMD and Hygon), Sandybridge with AVX (Bulldozer on AMD); {@link #UNKNOWN}
     * below that or on a CPU without x86 flags.
     */
    public static String bestFor(String cpuinfo) {
        Set<String> flags = Set.of(field(cpuinfo, "flags").split("\\s+"));
        boolean amd = Set.of("AuthenticAMD", "HygonGenuine").contains(field(cpuinfo, "vendor_id"));
        if (flags.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq"))) {
            return flags.contains("avx512_bf16") ? "Cooperlake" : "SkylakeX";
        }
        if (flags.containsAll(Set.of("avx2", "fma"))) {
            return amd ? "Zen" : "Haswell";
        }
        if (flags.contains("avx")) {
            return amd ? "Bulldozer" : "Sandybridge";
        }
        return UNKNOWN;
    }

    /** Whether OpenBLAS runs kernels of a lower instruction-set level than the CPU supports. */
    public boolean belowBest() {
        int runs = level(running);
        return runs >= 0 && runs < level(best);
    }

    /** One sentence for reports: the gap and how to close it, or that there is none. */
    public String advice() {
        if (running.equals(NONE)) {
            return "no OpenBLAS";
        }
        if (!belowBest()) {
            return level(running) >= 0 && level(running) == level(best)
                    ? running + ": the best level for this CPU (" + LEVELS.get(level(best)) + ")"
                    : running + " (this CPU's best is " + best + ")";
        }
        String gap = "OpenBLAS runs its " + running + " kernels (" + LEVELS.get(level(running))
                + "), below this CPU's best, " + best + " (" + LEVELS.get(level(best)) + ")";
        if (!switchable) {
            return gap + "; this OpenBLAS build has no other kernels: install one built with DYNAMIC_ARCH "
                    + "(Debian's libopenblas0-pthread) to use " + LEVELS.get(level(best));
        }
        String cause = requested.isEmpty() ? "" : " because " + CORETYPE_VARIABLE + "=" + requested + " is set";
        return gap + cause + ": set " + CORETYPE_VARIABLE + "=" + best + " before starting to use "
                + LEVELS.get(level(best));
    }

    // the instruction-set level of a core type (an index into LEVELS), or -1 when unknown
    private static int level(String core) {
        String name = core.toLowerCase(Locale.ROOT);
        for (int i = 0; i < CORES_BY_LEVEL.size(); i++) {
            if (CORES_BY_LEVEL.get(i).contains(name)) {
                return i;
            }
        }
        return -1;
    }

    // the value of the first "name : value" line of /proc/cpuinfo text, or empty
    private static String field(String cpuinfo, String name) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    // this machine's best core type, read from /proc/cpuinfo on first use
    private static final class ThisCpu {
        static final String BEST = bestFor(cpuInfo());

        private static String cpuInfo() {
            try {
                return Files.readString(Path.of("/proc/cpuinfo"));
            } catch (IOException | SecurityException e) {
                return "";
            }
        }
    }
}

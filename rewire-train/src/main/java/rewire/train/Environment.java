package rewire.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import rewire.kernel.BlasCore;
import rewire.kernel.Kernels;

/** Facts about the machine, the JVM and the kernels that a run records, and its peak memory. */
public final class Environment {
    private Environment() {
    }

    /** The CPU model from /proc/cpuinfo, or the OS architecture where that file is missing. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | SecurityException e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch");
    }

    public static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
    }

    /** The short git revision of the working directory, or "unknown". */
    public static String gitRevision() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            boolean done = p.waitFor(5, TimeUnit.SECONDS);
            return done && p.exitValue() == 0 && !out.isEmpty() ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /**
     * The environment section of run.json. {@code deterministic} says whether the run's bits
     * depend on its thread count ({@code determinism} says why); {@code blasCore} and
     * {@code blasBestCore} the OpenBLAS kernels that ran and the best this CPU has, with a
     * {@code blasNote} on how to close the gap when they differ in level.
     */
    public static Map<String, Object> describe(Kernels kernels) {
        Kernels.Info info = kernels.info();
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk", jdk());
        env.put("cpu", cpuModel());
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("kernelProvider", info.provider());
        env.put("kernelReason", info.providerReason());
        env.put("vectorWidth", info.vectorWidth());
        env.put("blas", info.blas());
        env.put("threads", info.threads());
        env.put("deterministic", info.deterministic());
        env.put("determinism", info.determinism());
        putBlasCore(env, info.blasCore());
        return env;
    }

    static void putBlasCore(Map<String, Object> env, BlasCore core) {
        env.put("blasCore", core.running());
        env.put("blasBestCore", core.best());
        if (core.belowBest()) {
            env.put("blasNote", core.advice());
        }
    }

    /** The sum of the heap pools' peak usage since the JVM started, in bytes. */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The process's peak resident set size (VmHWM) in bytes, or -1 where /proc is missing. */
    public static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall through
        }
        return -1;
    }
}

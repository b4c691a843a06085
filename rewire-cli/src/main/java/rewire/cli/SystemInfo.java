package rewire.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the machine and JVM that reports show. */
final class SystemInfo {
    private SystemInfo() {
    }

    /** The CPU model from /proc/cpuinfo, or the OS architecture where that file is missing. */
    static String cpuModel() {
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

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}

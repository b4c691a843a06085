package rewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import rewire.kernel.BlasCore;
import rewire.kernel.Kernels;

/**
 * {@code rewire info} in a process of its own (OpenBLAS reads {@code OPENBLAS_CORETYPE} when it
 * loads): it names the OpenBLAS kernels that run and, when a setting holds them below the CPU's
 * best, what to set instead.
 */
class InfoCommandTest {

    @Test
    void infoSaysWhenOpenBlasRunsBelowTheCpusBestKernels() throws Exception {
        BlasCore here = Kernels.defaults().info().blasCore();
        assumeTrue(!here.running().equals(BlasCore.NONE) && here.switchable(),
                "needs a DYNAMIC_ARCH OpenBLAS: " + here);
        assumeTrue(new BlasCore("Nehalem", here.best(), true, "").belowBest(), "needs a CPU with AVX: " + here);

        String held = info("Nehalem", "--no-probe");
        assertTrue(held.contains("OpenBLAS runs its Nehalem kernels (SSE), below this CPU's best, " + here.best()),
                held);
        assertTrue(held.contains("because OPENBLAS_CORETYPE=Nehalem is set: set OPENBLAS_CORETYPE=" + here.best()),
                held);

        String best = info(here.best(), "--no-probe");
        assertTrue(best.contains("BLAS kernels  " + here.best() + ": the best level for this CPU"), best);
        assertTrue(best.contains("Determinism   bit-identical for any thread count"), best);
    }

    /** The benchmark scripts set OPENBLAS_CORETYPE to what --best-blas-core prints, whatever it was. */
    @Test
    void bestBlasCorePrintsOnlyTheCpusBestCoreType() throws Exception {
        String best = Kernels.defaults().info().blasCore().best();
        assertEquals(best, info("Nehalem", "--best-blas-core").strip());
    }

    // what `rewire info ARGS` prints with OPENBLAS_CORETYPE=coreType
    private static String info(String coreType, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "rewire.cli.Main", "info"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put(BlasCore.CORETYPE_VARIABLE, coreType);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "rewire info did not end");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}

package rewire.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rewire.kernel.BlasCore;
import rewire.kernel.Kernels;

class EnvironmentTest {

    @Test
    void theEnvironmentSaysWhetherTheRunIsDeterministicAndWhichBlasKernelsRan() {
        Kernels kernels = Kernels.withThreads(2);
        try {
            Map<String, Object> env = Environment.describe(kernels);
            assertEquals(true, env.get("deterministic"), env.toString());
            assertTrue(env.get("determinism").toString().startsWith("bit-identical for any thread count"),
                    env.toString());
            assertEquals(kernels.info().blasCore().running(), env.get("blasCore"));
            assertEquals(kernels.info().blasCore().best(), env.get("blasBestCore"));
        } finally {
            kernels.parallel().close();
        }
    }

    @Test
    void aBlasCoreBelowTheCpusBestAddsANoteOnHowToChangeIt() {
        Map<String, Object> below = new LinkedHashMap<>();
        Environment.putBlasCore(below, new BlasCore("Haswell", "SkylakeX", true, "Haswell"));
        assertEquals("Haswell", below.get("blasCore"));
        assertEquals("SkylakeX", below.get("blasBestCore"));
        assertTrue(below.get("blasNote").toString()
                .endsWith("set OPENBLAS_CORETYPE=SkylakeX before starting to use AVX-512"), below.toString());

        Map<String, Object> best = new LinkedHashMap<>();
        Environment.putBlasCore(best, new BlasCore("Zen", "Zen", true, ""));
        assertFalse(best.containsKey("blasNote"), best.toString());
    }
}

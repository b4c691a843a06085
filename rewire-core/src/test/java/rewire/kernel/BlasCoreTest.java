package rewire.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlasCoreTest {
    private static final String BASE = "fpu vme sse sse2 ssse3 sse4_1 sse4_2 popcnt";
    private static final String AVX2 = BASE + " avx fma avx2 bmi2";
    private static final String AVX512 = AVX2 + " avx512f avx512dq avx512cd avx512bw avx512vl avx512_vnni";

    private static String cpuinfo(String vendor, String flags) {
        return "processor\t: 0\nvendor_id\t: " + vendor + "\nmodel name\t: a CPU\nflags\t\t: " + flags
                + "\n\nprocessor\t: 1\nvendor_id\t: " + vendor + "\nflags\t\t: " + flags + "\n";
    }

    @Test
    void theBestCoreFollowsTheWidestInstructionSetInOpenBlasNames() {
        assertEquals("SkylakeX", BlasCore.bestFor(cpuinfo("GenuineIntel", AVX512)));
        assertEquals("Cooperlake", BlasCore.bestFor(cpuinfo("GenuineIntel", AVX512 + " avx512_bf16")));
        assertEquals("SkylakeX", BlasCore.bestFor(cpuinfo("AuthenticAMD", AVX512)), "Zen 4 runs the AVX-512 kernels");
        assertEquals("Haswell", BlasCore.bestFor(cpuinfo("GenuineIntel", AVX2)));
        assertEquals("Zen", BlasCore.bestFor(cpuinfo("AuthenticAMD", AVX2)));
        assertEquals("Sandybridge", BlasCore.bestFor(cpuinfo("GenuineIntel", BASE + " avx")));
        assertEquals(BlasCore.UNKNOWN, BlasCore.bestFor(cpuinfo("GenuineIntel", BASE)));
        assertEquals(BlasCore.UNKNOWN, BlasCore.bestFor("processor\t: 0\nFeatures\t: fp asimd\n"), "not x86");
        assertEquals(BlasCore.UNKNOWN, BlasCore.bestFor(""));
    }

    @Test
    void haswellOnAnAvx512CpuIsBelowItsBestAndSaysHowToChangeIt() {
        BlasCore core = new BlasCore("Haswell", "SkylakeX", true, "Haswell");
        assertTrue(core.belowBest());
        assertEquals("OpenBLAS runs its Haswell kernels (AVX2), below this CPU's best, SkylakeX (AVX-512) because "
                + "OPENBLAS_CORETYPE=Haswell is set: set OPENBLAS_CORETYPE=SkylakeX before starting to use AVX-512",
                core.advice());
        BlasCore fixedBuild = new BlasCore("Haswell", "SkylakeX", false, "");
        assertTrue(fixedBuild.advice().contains("install one built with DYNAMIC_ARCH"), fixedBuild.advice());
    }

    @Test
    void theSameLevelUnknownCoresAndNoOpenBlasAreNoGap() {
        assertFalse(new BlasCore("Haswell", "Zen", true, "Haswell").belowBest(), "both AVX2");
        assertFalse(new BlasCore("SKYLAKEX", "SkylakeX", true, "").belowBest());
        assertFalse(new BlasCore("SkylakeX", "Haswell", true, "SkylakeX").belowBest(), "above is not below");
        assertFalse(new BlasCore("NeoverseN1", BlasCore.UNKNOWN, true, "").belowBest());
        assertFalse(new BlasCore(BlasCore.UNKNOWN, "SkylakeX", true, "").belowBest());
        assertFalse(new BlasCore(BlasCore.NONE, "SkylakeX", false, "").belowBest());
        assertEquals("Zen: the best level for this CPU (AVX2)", new BlasCore("Zen", "Zen", true, "").advice());
        assertTrue(new BlasCore("Nehalem", "Zen", true, "Nehalem").belowBest(), "SSE below AVX2");
    }
}

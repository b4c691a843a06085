package rewire.kernel;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * Dense products through the system's OpenBLAS ({@code cblas_sgemm}), bound with
 * {@code java.lang.foreign}.
 *
 * <p>Why the foreign function API rather than a BLAS wrapper library: it is part of the JDK, so
 * rewire-core keeps zero dependencies; and with {@code Linker.Option.critical(true)} OpenBLAS
 * reads and writes the Java heap arrays directly, with no copy to native memory. When no
 * OpenBLAS is installed (or {@code -Drewire.blas=none}) the kernels fall back to the provider's
 * own GEMM.
 *
 * <p>OpenBLAS runs its own thread pool. It is given the same thread count as Rewire's
 * {@link Parallel} and is only ever called from one thread at a time, outside any parallel
 * region, so the two pools never compete for the cores.
 */
public final class NativeBlas implements DenseGemm {
    /** System property: "none" disables OpenBLAS, a path selects the library file. */
    public static final String BLAS_PROPERTY = "rewire.blas";
    private static final List<String> CANDIDATES = List.of(
            "libopenblas.so.0", "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
            "/usr/lib/aarch64-linux-gnu/libopenblas.so.0", "libopenblas.so", "libopenblas.dylib");
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private final MethodHandle sgemm;
    private final String description;

    private NativeBlas(MethodHandle sgemm, String description) {
        this.sgemm = sgemm;
        this.description = description;
    }

    /**
     * Binds OpenBLAS with {@code threads} threads, or explains why it could not.
     *
     * @return the binding, or empty with the reason written to {@code why[0]}
     */
    public static Optional<NativeBlas> load(int threads, String[] why) {
        String setting = System.getProperty(BLAS_PROPERTY, "auto").trim();
        if (setting.equals("none")) {
            why[0] = "disabled by -D" + BLAS_PROPERTY + "=none";
            return Optional.empty();
        }
        List<String> names = setting.equals("auto") ? CANDIDATES : List.of(setting);
        StringBuilder failures = new StringBuilder();
        for (String name : names) {
            try {
                return Optional.of(bind(SymbolLookup.libraryLookup(name, Arena.global()), name, threads));
            } catch (IllegalArgumentException | UnsupportedOperationException | IllegalCallerException e) {
                failures.append(failures.isEmpty() ? "" : "; ").append(name).append(": ").append(e.getMessage());
            }
        }
        why[0] = "OpenBLAS not found (install it with: apt-get install -y libopenblas0-pthread) [" + failures + "]";
        return Optional.empty();
    }

    private static NativeBlas bind(SymbolLookup lib, String name, int threads) {
        Linker linker = Linker.nativeLinker();
        MemorySegment gemmSymbol = lib.find("cblas_sgemm")
                .orElseThrow(() -> new IllegalArgumentException("no cblas_sgemm symbol"));
        MethodHandle gemm = linker.downcallHandle(gemmSymbol,
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                        JAVA_FLOAT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT),
                Linker.Option.critical(true));
        MemorySegment setThreads = lib.find("openblas_set_num_threads")
                .orElseThrow(() -> new IllegalArgumentException("not OpenBLAS (no openblas_set_num_threads)"));
        try {
            linker.downcallHandle(setThreads, FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(threads);
        } catch (Throwable t) {
            throw new IllegalArgumentException("openblas_set_num_threads failed: " + t);
        }
        return new NativeBlas(gemm, "openblas (" + name + ", " + config(linker, lib) + ", " + threads + " threads)");
    }

    private static String config(Linker linker, SymbolLookup lib) {
        Optional<MemorySegment> symbol = lib.find("openblas_get_config");
        if (symbol.isEmpty()) {
            return "unknown build";
        }
        try {
            MethodHandle h = linker.downcallHandle(symbol.get(), FunctionDescriptor.of(ADDRESS));
            MemorySegment text = (MemorySegment) h.invokeExact();
            return text.reinterpret(256).getString(0).trim();
        } catch (Throwable t) {
            return "unknown build";
        }
    }

    @Override
    public String name() {
        return "openblas";
    }

    /** Library, build configuration and thread count, for run reports. */
    public String description() {
        return description;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        try {
            sgemm.invokeExact(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
                    1f, slice(a, aOff), lda, slice(b, bOff), ldb, accumulate ? 1f : 0f, slice(c, cOff), ldc);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_sgemm failed", t);
        }
    }

    private static MemorySegment slice(float[] array, int offset) {
        MemorySegment s = MemorySegment.ofArray(array);
        return offset == 0 ? s : s.asSlice(offset * (long) Float.BYTES);
    }
}

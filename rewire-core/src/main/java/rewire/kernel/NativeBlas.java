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
 * <p>Threads: by default OpenBLAS runs single-threaded and {@link Kernels} splits each product into
 * fixed row chunks on its own {@link Parallel} pool, so the bits do not depend on the thread count
 * (OpenBLAS's threaded driver cuts a product differently for each thread count, and its sums
 * change with it). {@code -Drewire.blas.threading=openblas} instead gives OpenBLAS Rewire's thread
 * count and each product whole, outside any parallel region; runs then record that they gave
 * bit-reproducibility up.
 */
public final class NativeBlas implements DenseGemm {
    /** System property: "none" disables OpenBLAS, a path selects the library file. */
    public static final String BLAS_PROPERTY = "rewire.blas";
    /** System property: "fixed" (the default: fixed chunks on Rewire's pool) or "openblas" (it threads itself). */
    public static final String THREADING_PROPERTY = "rewire.blas.threading";
    private static final List<String> CANDIDATES = List.of(
            "libopenblas.so.0", "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
            "/usr/lib/aarch64-linux-gnu/libopenblas.so.0", "libopenblas.so", "libopenblas.dylib");
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private final MethodHandle sgemm;
    private final String description;
    private final BlasCore core;

    private NativeBlas(MethodHandle sgemm, String description, BlasCore core) {
        this.sgemm = sgemm;
        this.description = description;
        this.core = core;
    }

    /**
     * Whether {@code -Drewire.blas.threading=openblas} asks OpenBLAS to thread each product itself
     * (not bit-reproducible across thread counts) rather than run single-threaded in fixed chunks.
     */
    public static boolean threadsItself() {
        String setting = System.getProperty(THREADING_PROPERTY, "fixed").trim();
        return switch (setting) {
            case "fixed" -> false;
            case "openblas" -> true;
            default -> throw new IllegalArgumentException("-D" + THREADING_PROPERTY + "=" + setting
                    + " is not a threading mode: use fixed (the default, bit-identical for any thread count)"
                    + " or openblas (OpenBLAS threads each product itself)");
        };
    }

    /** The threads of OpenBLAS's own pool beside a Rewire pool of {@code rewireThreads}: 1 unless it threads itself. */
    public static int threadsBeside(int rewireThreads) {
        return threadsItself() ? rewireThreads : 1;
    }

    /**
     * Binds OpenBLAS with {@code threads} threads of its own, or explains why it could not.
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
        String config = text(linker, lib, "openblas_get_config").orElse("unknown build");
        BlasCore core = BlasCore.detect(text(linker, lib, "openblas_get_corename").orElse(BlasCore.UNKNOWN), config);
        return new NativeBlas(gemm, "openblas (" + name + ", " + config + ", " + threads
                + (threads == 1 ? " thread)" : " threads)"), core);
    }

    // the text that a no-argument function of the library returns, if it has that function
    private static Optional<String> text(Linker linker, SymbolLookup lib, String function) {
        Optional<MemorySegment> symbol = lib.find(function);
        if (symbol.isEmpty()) {
            return Optional.empty();
        }
        try {
            MethodHandle h = linker.downcallHandle(symbol.get(), FunctionDescriptor.of(ADDRESS));
            MemorySegment text = (MemorySegment) h.invokeExact();
            return Optional.of(text.reinterpret(256).getString(0).trim());
        } catch (Throwable t) {
            return Optional.empty();
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

    /** The kernels OpenBLAS runs on this CPU, against the best it could run. */
    public BlasCore core() {
        return core;
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

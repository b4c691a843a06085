package rewire.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rewire.kernel.BlasCore;
import rewire.kernel.Kernels;
import rewire.kernel.SelfCheck;
import rewire.sparse.CsrMatrix;
import rewire.sparse.Patterns;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.train.Environment;

/** {@code rewire info}: what this machine and build will train with, checked. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the kernel provider, BLAS backend, vector width and threads, "
                + "check the kernels against the scalar reference, and time one sparse layer.")
final class InfoCommand implements Callable<Integer> {

    @Option(names = "--no-probe", description = "Skip the speed probe (about one second).")
    boolean noProbe;

    @Spec
    CommandSpec spec;

    private final List<List<String>> rows = new ArrayList<>();

    @Option(names = "--best-blas-core", description = "Print only this CPU's best OpenBLAS core type (a value for "
            + "OPENBLAS_CORETYPE, or 'unknown') and exit; the benchmark scripts set it for their runs.")
    boolean bestBlasCore;

    @Override
    public Integer call() {
        Kernels kernels = Kernels.defaults();
        Kernels.Info info = kernels.info();
        if (bestBlasCore) {
            spec.commandLine().getOut().println(info.blasCore().best());
            return 0;
        }
        row("JDK", Environment.jdk());
        row("CPU", Environment.cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        row("Kernels", info.provider() + " (" + info.providerReason() + ")");
        row("Vector width", info.vectorWidth() + " floats (" + info.vectorWidth() * 32 + " bits)");
        row("BLAS", info.blas());
        if (!info.blasCore().running().equals(BlasCore.NONE)) {
            row("BLAS kernels", info.blasCore().advice());
        }
        row("Threads", info.threads() + " (set with -Drewire.threads=N or REWIRE_THREADS)");
        row("Determinism", info.determinism());
        List<SelfCheck.Check> checks = SelfCheck.run(kernels);
        List<List<String>> results = checks.stream().map(c -> List.of(c.op(), String.format(Locale.ROOT,
                "%s (max relative error %.1e)", c.ok() ? "ok" : "FAILED", c.maxRelativeError()))).toList();
        TextColumns.lines("", results).forEach(line -> row("Self-check", line));
        if (!noProbe) {
            probe(kernels);
        }
        PrintWriter out = spec.commandLine().getOut();
        TextColumns.lines("", rows).forEach(out::println);
        out.flush();
        return checks.stream().allMatch(SelfCheck.Check::ok) ? 0 : 1;
    }

    // One 1000 x 1000 layer, batch 128, 10% density: forward + input grad + weight grad, vs dense.
    private void probe(Kernels k) {
        Rng rng = new Rng(1);
        int n = 1000;
        int batch = 128;
        CsrMatrix w = new CsrMatrix(Patterns.random(n, n, n * n / 10, rng), new float[n * n / 10]);
        Tensor dense = Tensor.zeros(n, n);
        Tensor x = Tensor.zeros(n, batch).fill(0.5f);
        Tensor y = Tensor.zeros(n, batch);
        float[] dw = new float[w.nnz()];
        Runnable sparse = () -> {
            k.mult(w, x, y);
            k.multTransA(w, y, x);
            k.sampledMultTransB(y, x, w.pattern(), dw);
        };
        Runnable denseStep = () -> {
            k.mult(dense, x, y);
            k.multTransA(dense, y, x);
            k.multTransB(y, x, dense);
        };
        double sparseMs = bestOf(sparse);
        double denseMs = bestOf(denseStep);
        row("Speed probe", String.format("1000x1000 layer, batch 128, 10%% dense: fwd+dx+dW %.2f ms, "
                + "dense %.2f ms (%.1fx)", sparseMs, denseMs, denseMs / sparseMs));
    }

    private static double bestOf(Runnable r) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }

    private void row(String key, String value) {
        rows.add(List.of(key, value));
    }
}

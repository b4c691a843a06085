package rewire.testkit;

import java.util.ArrayList;
import java.util.List;
import rewire.tensor.Rng;
import rewire.tensor.Tensor;
import rewire.testkit.KernelCases.GemmCase;
import rewire.testkit.KernelContract.NamedRun;

/** Dense GEMM through the {@link rewire.kernel.Kernels} facade in all four transpose combinations. */
final class GemmRuns {
    private GemmRuns() {
    }

    /**
     * Operands of {@code C (m, n) (+)= op(A) · op(B)}: {@code a} is stored {@code (k, m)} when
     * {@code transA}, else {@code (m, k)}; {@code b} is stored {@code (n, k)} when {@code transB},
     * else {@code (k, n)}; {@code c0} is the initial C.
     */
    record Operands(boolean transA, boolean transB, Tensor a, Tensor b, Tensor c0) {
        Operands abs() {
            return new Operands(transA, transB, FloatChecks.abs(a), FloatChecks.abs(b), FloatChecks.abs(c0));
        }

        StridedGemmCheck.Problem problem(boolean accumulate) {
            return new StridedGemmCheck.Problem(c0.rows(), c0.cols(), transA ? a.rows() : a.cols(),
                    transA, transB, accumulate);
        }
    }

    /** Random operands for the four transpose combinations of {@code g}. */
    static List<Operands> operands(GemmCase g) {
        Rng rng = new Rng(g.m() * 1_000_003L + g.n() * 1_009L + g.k());
        List<Operands> out = new ArrayList<>();
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                Tensor a = transA ? RandomData.tensor(rng, g.k(), g.m()) : RandomData.tensor(rng, g.m(), g.k());
                Tensor b = transB ? RandomData.tensor(rng, g.n(), g.k()) : RandomData.tensor(rng, g.k(), g.n());
                out.add(new Operands(transA, transB, a, b, RandomData.tensor(rng, g.m(), g.n())));
            }
        }
        return out;
    }

    /** The product of {@code o}, overwriting and accumulating into a copy of {@code c0}. */
    static List<NamedRun<Operands>> runs(Operands o) {
        List<NamedRun<Operands>> runs = new ArrayList<>();
        for (boolean acc : new boolean[] {false, true}) {
            runs.add(new NamedRun<>(o.problem(acc).toString(), false, (k, ops) -> {
                Tensor c = ops.c0().copy();
                k.gemm(ops.transA(), ops.transB(), ops.a(), ops.b(), c, acc);
                return c.data();
            }));
        }
        return runs;
    }
}

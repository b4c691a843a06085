package rewire.models.moe;

import java.util.List;
import rewire.autodiff.Activations;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.Layer;
import rewire.nn.DenseParam;
import rewire.nn.Module;
import rewire.nn.Param;
import rewire.nn.SparseParam;

/**
 * GPT-2's MLP, {@code y (d, N) = proj(gelu(fc(x)))} with {@code fc : d -> h} and {@code proj : h -> d}
 * (h = 4d), dense or sparse: the feed-forward of a dense block, and each expert of a mixture.
 */
public final class Mlp extends Layer implements FeedForward {
    private final Layer fc;
    private final Layer proj;
    private ExpertPass last;

    /** @param fc {@code (d, N) -> (h, N)}; @param proj {@code (h, N) -> (d, N)} */
    public Mlp(Layer fc, Layer proj) {
        this.fc = fc;
        this.proj = proj;
    }

    @Override
    public Var forward(Tape tape, Var x) {
        Var y = proj.forward(tape, Activations.gelu(tape, fc.forward(tape, x)));
        int[] all = new int[x.value().cols()];
        for (int t = 0; t < all.length; t++) {
            all[t] = t;
        }
        last = new ExpertPass(0, all, x, y);
        return y;
    }

    @Override
    public int experts() {
        return 1;
    }

    @Override
    public List<ExpertPass> lastPasses() {
        return last == null ? List.of() : List.of(last);
    }

    @Override
    public Var expert(Tape tape, int e, Var x) {
        expert(e);
        return proj.forward(tape, Activations.gelu(tape, fc.forward(tape, x)));
    }

    @Override
    public Connections connections(int e) {
        expert(e);
        long stored = 0;
        long dense = 0;
        for (Param p : params()) {
            stored += p.size();
            dense += switch (p) {
                case DenseParam d -> d.size();
                case SparseParam s -> (long) s.rows() * s.cols();
            };
        }
        return new Connections(stored, dense);
    }

    private static void expert(int e) {
        if (e != 0) {
            throw new IndexOutOfBoundsException("a dense MLP is expert 0 only, asked for " + e);
        }
    }

    @Override
    public List<Module> children() {
        return List.of(fc, proj);
    }
}

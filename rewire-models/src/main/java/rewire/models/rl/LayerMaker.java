package rewire.models.rl;

import java.util.ArrayList;
import java.util.List;
import rewire.nn.Init;
import rewire.nn.SparseLinear;
import rewire.sparse.Patterns;
import rewire.sparse.SparsityPattern;
import rewire.sparsity.LayerShape;
import rewire.tensor.Rng;

/**
 * Makes the weight layers of a network in a fixed order, so a network can first be built to
 * learn its layer shapes ({@link #shapes()}) and then rebuilt on patterns the DST recipe chose for
 * exactly those shapes. Every layer is a {@link SparseLinear} with a bias and Xavier-uniform
 * weights over its actual fans (close to PyTorch's defaults that pymarl uses); a dense network is
 * one whose patterns are full. The multi-agent value networks and the RL agents' modules are built
 * this way.
 */
public final class LayerMaker {
    private final List<SparsityPattern> patterns;
    private final Rng rng;
    private final List<LayerShape> shapes = new ArrayList<>();

    private LayerMaker(List<SparsityPattern> patterns, Rng rng) {
        this.patterns = patterns;
        this.rng = rng;
    }

    /** Layers on the given patterns, in the order they are asked for; weights drawn from {@code rng}. */
    public static LayerMaker onPatterns(List<SparsityPattern> patterns, Rng rng) {
        return new LayerMaker(List.copyOf(patterns), rng);
    }

    /** Full (dense) layers; use {@link #shapes()} afterwards to learn what was asked for. */
    public static LayerMaker dense(Rng rng) {
        return new LayerMaker(null, rng);
    }

    /** A layer {@code in -> out} named {@code name}. */
    public SparseLinear make(String name, int in, int out) {
        int index = shapes.size();
        shapes.add(new LayerShape(name + ".weight", new int[] {out, in}));
        SparsityPattern p = patterns == null ? Patterns.full(out, in) : patterns.get(index);
        if (p.rows() != out || p.cols() != in) {
            throw new IllegalArgumentException(name + ": pattern " + p.rows() + " x " + p.cols() + " for a layer "
                    + in + " -> " + out);
        }
        return SparseLinear.create(name, p, true, Init.xavierUniform(), SparseLinear.DEFAULT_CROSSOVER, rng.fold(index));
    }

    /** Full (dense) patterns for the layers made so far, in order. */
    public List<SparsityPattern> fullPatterns() {
        return shapes.stream().map(s -> Patterns.full(s.rows(), s.cols())).toList();
    }

    /** The shapes of the layers made so far, in order. */
    public List<LayerShape> shapes() {
        return List.copyOf(shapes);
    }
}

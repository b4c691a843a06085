package rewire.bench.peer;

import java.util.ArrayList;
import java.util.List;
import rewire.sparse.Patterns;
import rewire.sparsity.LayerShape;

/**
 * The scale run's model: the peer MLP's shape 784-H-H-H-10 with very wide hidden layers, every
 * layer at its Erdos-Renyi density {@code epsilon (in + out) / (in * out)} (Mocanu et al., "Scalable
 * training of artificial neural networks with adaptive sparse connectivity inspired by network
 * science", Nature Communications 2018), capped at 1 (the 10-output layer is dense). The global
 * density handed to Rewire's ER distribution is the one these layers add up to, so the
 * distribution gives every uncapped layer this epsilon back.
 */
final class ScaleModel {
    static final int INPUTS = 784;
    static final int CLASSES = 10;
    static final int DEPTH = 3;

    private ScaleModel() {
    }

    /** The weight shapes (out, in), named as the classification MLP names them. */
    static List<LayerShape> shapes(int hidden) {
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden width must be positive, got " + hidden);
        }
        List<LayerShape> out = new ArrayList<>();
        int in = INPUTS;
        for (int i = 0; i < DEPTH; i++) {
            out.add(LayerShape.matrix("fc" + (i + 1), hidden, in));
            in = hidden;
        }
        out.add(LayerShape.matrix("fc" + (DEPTH + 1), CLASSES, in));
        return out;
    }

    /** Connections of every layer at its Erdos-Renyi density (rounded to nearest). */
    static long[] nnz(int hidden, double epsilon) {
        List<LayerShape> shapes = shapes(hidden);
        long[] out = new long[shapes.size()];
        for (int i = 0; i < out.length; i++) {
            LayerShape s = shapes.get(i);
            out[i] = Math.round(Patterns.erdosRenyiDensity(s.rows(), s.cols(), epsilon) * s.size());
        }
        return out;
    }

    /** All connections over all positions. */
    static double density(int hidden, double epsilon) {
        long nnz = 0;
        long size = 0;
        long[] counts = nnz(hidden, epsilon);
        List<LayerShape> shapes = shapes(hidden);
        for (int i = 0; i < counts.length; i++) {
            nnz += counts[i];
            size += shapes.get(i).size();
        }
        return (double) nnz / size;
    }
}

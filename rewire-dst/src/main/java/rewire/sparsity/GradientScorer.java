package rewire.sparsity;

import java.util.Arrays;
import rewire.kernel.Kernels;
import rewire.sparse.SparsityPattern;
import rewire.tensor.Tensor;

/**
 * |dense gradient| of a layer, {@code |dy · xᵀ|}, a tile of rows at a time (RigL; Evci et al.,
 * ICML 2020). Only the tile is held: {@code (t, cols)} floats plus a {@code (t, B)} copy of dy's rows.
 */
record GradientScorer() implements LayerScorer {

    @Override
    public ScoreSource scores(LayerView layer, SparsityPattern kept, Kernels kernels) {
        Tensor x = requireBatch(layer).activations();
        Tensor dy = layer.outputGrad();
        int batch = x.cols();
        int cols = x.rows();
        return (row0, count, out) -> {
            // dyTile (count, B) = dy[row0 : row0 + count, :];  tile (count, cols) = dyTile · xᵀ
            Tensor dyTile = Tensor.wrap(Arrays.copyOfRange(dy.data(), row0 * batch, (row0 + count) * batch),
                    count, batch);
            Tensor tile = Tensor.zeros(count, cols);
            kernels.multTransB(dyTile, x, tile);
            float[] t = tile.data();
            for (int i = 0; i < t.length; i++) {
                out[i] = Math.abs(t[i]);
            }
        };
    }

    static LayerView requireBatch(LayerView layer) {
        if (!layer.hasBatch()) {
            throw new IllegalStateException(layer.param().name() + ": gradient growth needs the last batch's "
                    + "activations and output gradients; build the LayerView with withBatch(x, dy)");
        }
        return layer;
    }
}

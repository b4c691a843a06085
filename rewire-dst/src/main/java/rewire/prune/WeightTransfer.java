package rewire.prune;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rewire.nn.DenseParam;
import rewire.nn.Param;
import rewire.nn.SparseParam;
import rewire.sparse.CsrMatrix;

/**
 * Puts a model's weights into another model of the same architecture built with other storage:
 * a pruned model's layers (CSR) into the sparse layers of a model built sparse, every other
 * parameter by name. How a dense trained model becomes a truly sparse one.
 */
public final class WeightTransfer {
    private WeightTransfer() {
    }

    /**
     * Sets every parameter of {@code into}: those named in {@code pruned} take that matrix (a sparse
     * parameter moves to its pattern), the others the values of {@code from}'s parameter of the same
     * name (a sparse one moving to the source's pattern).
     *
     * @throws IllegalArgumentException naming the parameter when {@code from} lacks it or its shape
     *     or kind differs
     */
    public static void copy(List<Param> from, Map<String, CsrMatrix> pruned, List<Param> into) {
        Map<String, Param> byName = new HashMap<>();
        from.forEach(p -> byName.put(p.name(), p));
        for (Param target : into) {
            CsrMatrix layer = pruned.get(target.name());
            if (layer != null) {
                WeightMatrix.prune(target, layer);
                continue;
            }
            Param source = byName.get(target.name());
            if (source == null) {
                throw new IllegalArgumentException("no parameter " + target.name() + " in the source model");
            }
            switch (target) {
                case DenseParam d when source instanceof DenseParam s && s.value().shape().equals(d.value().shape()) ->
                        System.arraycopy(s.values(), 0, d.values(), 0, s.size());
                case SparseParam d when source instanceof SparseParam s && s.rows() == d.rows() && s.cols() == d.cols() ->
                        WeightMatrix.prune(d, s.weight());
                default -> throw new IllegalArgumentException(target.name() + " is " + target + " in the target model but "
                        + source + " in the source");
            }
        }
    }
}

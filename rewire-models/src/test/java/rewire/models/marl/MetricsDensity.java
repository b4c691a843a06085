package rewire.models.marl;

import java.util.List;
import rewire.nn.SparseLinear;

/** Overall density of a list of sparse layers, for tests. */
final class MetricsDensity {
    private MetricsDensity() {
    }

    static double of(List<SparseLinear> layers) {
        long nnz = 0;
        long size = 0;
        for (SparseLinear l : layers) {
            nnz += l.weight().pattern().nnz();
            size += (long) l.in() * l.out();
        }
        return (double) nnz / size;
    }
}

package rewire.models.gan;

import java.util.HashMap;
import java.util.Map;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;
import rewire.train.ParamGroup;

/**
 * The FLOPs of one example's forward pass through a network as it is now (each sparse layer at its
 * current nnz) and through its dense twin, counting a multiply-add as 2 as {@link FlopCounter}
 * does. A GAN runs each network in passes that are not its own training loss: the generator's
 * forward for the discriminator's fakes, the discriminator's forward and input gradient under the
 * generator's loss (an input gradient costs what a forward does), the balance ratio's measurements.
 */
final class NetworkFlops {
    private final ParamGroup group;
    private final Map<String, SparseLinear> sparseByName = new HashMap<>();

    NetworkFlops(ParamGroup group) {
        this.group = group;
        group.sparseLayers().forEach(l -> sparseByName.put(l.weight().name(), l));
    }

    /** Forward FLOPs of one example with the current patterns. */
    long forward() {
        long flops = 0;
        for (FlopCounter.Layer l : group.flopLayers()) {
            SparseLinear s = sparseByName.get(l.name());
            long nnz = s == null ? l.denseSize() : s.weight().pattern().nnz();
            flops += 2L * nnz * l.positions();
        }
        return flops;
    }

    /** Forward FLOPs of one example through the dense twin. */
    long denseForward() {
        long flops = 0;
        for (FlopCounter.Layer l : group.flopLayers()) {
            flops += 2L * l.denseSize() * l.positions();
        }
        return flops;
    }
}

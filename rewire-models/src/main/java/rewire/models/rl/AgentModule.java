package rewire.models.rl;

import java.util.ArrayList;
import java.util.List;
import rewire.nn.Module;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;

/**
 * One module of an agent, the unit a sparsity regime and an optimizer apply to (the encoder, the
 * critic, the actor): one or more {@link Mlp}s whose weight layers its parameter group trains and
 * its recipe rewires.
 */
public abstract class AgentModule extends Module {

    /** The module's networks, in the order their layers were made. */
    public abstract List<Mlp> networks();

    @Override
    public final List<Module> children() {
        return List.copyOf(networks());
    }

    /** Every weight layer, network after network. */
    public final List<SparseLinear> layers() {
        List<SparseLinear> out = new ArrayList<>();
        networks().forEach(n -> out.addAll(n.layers()));
        return out;
    }

    /** Whether network {@code index}'s input comes from a trained network of this module (needs an input gradient). */
    protected boolean fedByModule(int index) {
        return false;
    }

    /** The layers for FLOP accounting, at full density when {@code dense}, applied {@code positions} times per example. */
    public final List<FlopCounter.Layer> flopLayers(boolean dense, int positions) {
        List<FlopCounter.Layer> out = new ArrayList<>();
        for (int i = 0; i < networks().size(); i++) {
            out.addAll(networks().get(i).flopLayers(dense, fedByModule(i), positions));
        }
        return out;
    }

    /** nnz over dense size across the layers. */
    public final double density() {
        long nnz = 0;
        long size = 0;
        for (SparseLinear l : layers()) {
            nnz += l.weight().pattern().nnz();
            size += (long) l.out() * l.in();
        }
        return (double) nnz / size;
    }
}

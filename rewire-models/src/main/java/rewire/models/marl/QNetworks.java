package rewire.models.marl;

import java.util.ArrayList;
import java.util.List;
import rewire.models.rl.LayerMaker;
import rewire.nn.Gru;
import rewire.nn.Module;
import rewire.nn.SparseLinear;
import rewire.sparsity.FlopCounter;

/**
 * The value networks one learner trains: the shared recurrent agent network and the mixer.
 * Its parameters are what the optimizer updates, and its layers (agents first, then the mixer's
 * hypernetworks) are what the DST engine rewires. A target copy is built the same way.
 */
public final class QNetworks extends Module {
    private final AgentNetwork agent;
    private final Mixer mixer;

    public QNetworks(AgentNetwork agent, Mixer mixer) {
        this.agent = agent;
        this.mixer = mixer;
    }

    /** Builds agent network and mixer for these sizes, taking layers from {@code maker} in a fixed order. */
    public static QNetworks build(Episode.Dims dims, NetworkSettings settings, LayerMaker maker) {
        int h = settings.hidden();
        SparseLinear fc1 = maker.make("agent.fc1", AgentInputs.size(dims), h);
        Gru gru = new Gru(maker.make("agent.gru.input", h, 3 * h), maker.make("agent.gru.hidden", h, 3 * h));
        SparseLinear fc2 = maker.make("agent.fc2", h, dims.actions());
        AgentNetwork agent = new AgentNetwork(fc1, gru, fc2);
        Mixer mixer = switch (settings.mixer()) {
            case VDN -> Mixer.vdn();
            case QMIX -> new QmixMixer(maker, dims.agents(), dims.stateSize(), settings.hyperHidden(),
                    settings.embed());
        };
        return new QNetworks(agent, mixer);
    }

    @Override
    public List<Module> children() {
        List<Module> all = new ArrayList<>(List.of(agent));
        all.addAll(mixer.modules());
        return all;
    }

    public AgentNetwork agent() {
        return agent;
    }

    public Mixer mixer() {
        return mixer;
    }

    /** Every weight layer: the agent network's, then the mixer's. */
    public List<SparseLinear> layers() {
        List<SparseLinear> all = new ArrayList<>(agent.layers());
        all.addAll(mixer.layers());
        return all;
    }

    /**
     * The layers for FLOP accounting with one example = one (episode, decision point): agent
     * layers apply once per agent ({@code positions = agents}), mixer layers once. Layers fed by
     * data (observations, states) need no input gradient.
     */
    public List<FlopCounter.Layer> flopLayers(int agents, boolean dense) {
        List<FlopCounter.Layer> out = new ArrayList<>();
        for (SparseLinear l : agent.layers()) {
            boolean first = l == agent.layers().get(0);
            out.add(flopLayer(l, dense, !first, agents));
        }
        for (SparseLinear l : mixer.layers()) {
            out.add(flopLayer(l, dense, !mixer.inputLayers().contains(l), 1));
        }
        return out;
    }

    private static FlopCounter.Layer flopLayer(SparseLinear l, boolean dense, boolean inputGradient, int positions) {
        long nnz = dense ? (long) l.in() * l.out() : l.weight().pattern().nnz();
        return new FlopCounter.Layer(l.weight().name(), l.in(), l.out(), nnz, dense, inputGradient, positions);
    }

    @Override
    public String toString() {
        return "QNetworks(" + agent.inputSize() + " -> " + agent.hiddenSize() + " GRU -> " + agent.actions() + ", "
                + mixer + ")";
    }
}

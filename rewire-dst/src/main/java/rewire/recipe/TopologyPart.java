package rewire.recipe;

import rewire.sparsity.InitialTopology;
import rewire.sparsity.ch.BipartiteReceptiveField;

/** How a recipe draws each layer's first pattern (METHODS E.6). */
public enum TopologyPart implements Part {
    RANDOM("random", "Mocanu et al., Nature Communications 2018 (SET)", "positions uniformly at random"),
    BRF("brf", "Zhang et al., NeurIPS 2025 (CHTs)",
            "bipartite receptive field: each neuron's links near it on a ring, brfRandomness from 0 (nearest) to 1"
                    + " (uniform)");

    private final Info info;

    TopologyPart(String key, String paper, String doc) {
        this.info = new Info(key, paper, doc);
    }

    @Override
    public Info info() {
        return info;
    }

    /** The topology for the rewirer, null for random (the constraint's own draw). */
    public InitialTopology topology(double brfRandomness) {
        return this == RANDOM ? null : (rows, cols, nnz, rng) -> BipartiteReceptiveField.pattern(rows, cols,
                (double) nnz / ((double) rows * cols), brfRandomness, rng);
    }
}

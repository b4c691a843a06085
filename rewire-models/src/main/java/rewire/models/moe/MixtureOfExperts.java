package rewire.models.moe;

import java.util.ArrayList;
import java.util.List;
import rewire.autodiff.Tape;
import rewire.autodiff.Var;
import rewire.nn.Layer;
import rewire.nn.Linear;
import rewire.nn.Module;

/**
 * A sparsely gated mixture of experts (Shazeer et al., "Outrageously Large Neural Networks",
 * ICLR 2017), in Mixtral's form (Jiang et al., "Mixtral of Experts", 2024): a router
 * {@code z = W_r · x (E, N)} sends each token to its top-k experts with gates {@code softmax} over
 * those k logits ({@link MoeOps#topKGates}); each expert, an {@link Mlp}, runs on its tokens only
 * ({@code (d, n_e)}), and the output is the gated sum ({@link MoeOps#combine}). Every forward pass
 * also records the Switch Transformer's load-balancing loss ({@link MoeOps#balanceLoss}), which a
 * training loss adds with its weight. Shapes: {@code x, y : (d, N)}.
 */
public final class MixtureOfExperts extends Layer implements FeedForward {
    private final Linear router;
    private final List<Mlp> experts;
    private final int k;
    private Routing routing;
    private List<ExpertPass> passes = List.of();
    private Var balanceLoss;

    /** @param router {@code (E, d)}, no bias; @param experts E experts; @param k experts per token */
    public MixtureOfExperts(Linear router, List<Mlp> experts, int k) {
        if (router.out() != experts.size() || k < 1 || k > experts.size()) {
            throw new IllegalArgumentException("a mixture needs a router with one output per expert and 1 <= k <= "
                    + "experts; got router " + router + ", " + experts.size() + " experts, k " + k);
        }
        this.router = router;
        this.experts = List.copyOf(experts);
        this.k = k;
    }

    @Override
    public Var forward(Tape tape, Var x) {
        Var logits = router.forward(tape, x);                          // (E, N)
        MoeOps.Routed routed = MoeOps.topKGates(tape, logits, k);
        routing = routed.routing();
        List<ExpertPass> served = new ArrayList<>();
        for (int e = 0; e < experts.size(); e++) {
            int[] tokens = routing.tokens(e);
            if (tokens.length > 0) {
                Var input = MoeOps.gatherColumns(tape, x, tokens);      // (d, n_e)
                served.add(new ExpertPass(e, tokens, input, experts.get(e).forward(tape, input)));
            }
        }
        passes = List.copyOf(served);
        balanceLoss = MoeOps.balanceLoss(tape, logits, routing);
        return MoeOps.combine(tape, passes, routed.gates(), x.value().cols());
    }

    @Override
    public int experts() {
        return experts.size();
    }

    @Override
    public List<ExpertPass> lastPasses() {
        return passes;
    }

    @Override
    public Var expert(Tape tape, int e, Var x) {
        return experts.get(e).forward(tape, x);
    }

    @Override
    public Connections connections(int e) {
        return experts.get(e).connections(0);
    }

    /** Experts per token. */
    public int topK() {
        return k;
    }

    /** The routing of the forward pass in progress or last run; null before the first. */
    public Routing routing() {
        return routing;
    }

    /**
     * The gates, for expert {@code e}, of the tokens it serves in the forward pass in progress:
     * aligned with the columns of its input, as its layers see them.
     */
    public float[] gatesOf(int e) {
        return routing.gates(e);
    }

    /** The load-balancing loss of the last forward pass (a scalar on that pass's tape). */
    public Var balanceLoss() {
        if (balanceLoss == null) {
            throw new IllegalStateException("no forward pass yet, so no balance loss");
        }
        return balanceLoss;
    }

    @Override
    public List<Module> children() {
        List<Module> all = new ArrayList<>();
        all.add(router);
        all.addAll(experts);
        return all;
    }
}

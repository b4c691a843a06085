package rewire.models.moe;

/**
 * The mixture-of-experts section of a GPT's model ({@code model.moe}): with {@code experts >= 2}
 * the MLP of every block becomes that many expert MLPs of the same width behind a top-k router
 * (Mixtral's form: softmax over the chosen experts' logits); 0 keeps the dense MLP.
 *
 * @param experts       expert MLPs per block (each as wide as the dense MLP, 4·width); 0 for the dense MLP
 * @param topK          experts each token goes through, in [1, experts]
 * @param balanceWeight weight of the Switch Transformer's load-balancing loss E·Σ f_e·P_e (1 when routing is
 *                      uniform), averaged over the blocks, in the training loss
 */
public record MoeSettings(int experts, int topK, double balanceWeight) {

    public MoeSettings {
        if (experts != 0 && (experts < 2 || topK < 1 || topK > experts)) {
            throw new IllegalArgumentException("model.moe: need experts = 0 (a dense MLP) or experts >= 2 with"
                    + " 1 <= topK <= experts; got experts " + experts + ", topK " + topK);
        }
        if (!(balanceWeight >= 0)) {
            throw new IllegalArgumentException("model.moe.balanceWeight must be >= 0, got " + balanceWeight);
        }
    }

    /** A dense MLP; set experts to make it a mixture (top-2 and a balance weight of 0.01 by default). */
    public static MoeSettings defaults() {
        return new MoeSettings(0, 2, 0.01);
    }

    /** Whether the blocks hold experts. */
    public boolean enabled() {
        return experts > 0;
    }
}

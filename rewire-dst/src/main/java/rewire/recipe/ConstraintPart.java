package rewire.recipe;

/**
 * The structures a layer can keep through every update ({@link rewire.sparsity.Constraint});
 * parsed as a {@link ConstraintChoice}.
 */
public enum ConstraintPart implements Part {
    UNSTRUCTURED("unstructured", "any pattern", "no structure"),
    FAN_IN("fan-in", "Lasby et al., ICLR 2024 (SRigL)", "every output row keeps the same count"),
    N_OF_M("N:M", "Zhou et al., ICLR 2021", "every group of M consecutive inputs keeps N, such as 2:4"),
    BLOCK("block:RxC", "block sparsity", "whole R x C blocks, ranked by the sum of their scores, such as block:4x4"),
    DIAGONAL("diagonal", "Tyagi et al., ICML 2025 (DynaDiag)", "whole wrap-around diagonals");

    private final Info info;

    ConstraintPart(String key, String paper, String doc) {
        this.info = new Info(key, paper, doc);
    }

    @Override
    public Info info() {
        return info;
    }
}

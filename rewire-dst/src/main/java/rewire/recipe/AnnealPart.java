package rewire.recipe;

import rewire.sparsity.DiagonalSelection;

/** How DynaDiag's soft top-K temperature falls over the run's epochs (METHODS F.2; {@link DiagonalSelection}). */
public enum AnnealPart implements Part {
    COSINE("cosine", "Tyagi et al., ICML 2025 (DynaDiag code, its default)",
            "tauMin + (tauMax - tauMin)(1 + cos(pi e / (E - 1))) / 2", DiagonalSelection.Anneal.COSINE),
    LINEAR("linear", "Tyagi et al., ICML 2025 (DynaDiag code)", "tauMax + (tauMin - tauMax) e / (E - 1)",
            DiagonalSelection.Anneal.LINEAR),
    EXPONENTIAL("exponential", "geometric interpolation", "tauMax (tauMin / tauMax)^(e / (E - 1))",
            DiagonalSelection.Anneal.EXPONENTIAL);

    private final Info info;
    private final DiagonalSelection.Anneal anneal;

    AnnealPart(String key, String paper, String doc, DiagonalSelection.Anneal anneal) {
        this.info = new Info(key, paper, doc);
        this.anneal = anneal;
    }

    @Override
    public Info info() {
        return info;
    }

    /** The curve. */
    public DiagonalSelection.Anneal anneal() {
        return anneal;
    }
}

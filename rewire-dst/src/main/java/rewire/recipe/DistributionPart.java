package rewire.recipe;

import rewire.sparsity.Distribution;

/** How a global density splits into layers ({@link Distribution}). */
public enum DistributionPart implements Part {
    UNIFORM("uniform", "every layer at the global density", "the same density in every layer"),
    ER("er", "Mocanu et al., Nature Communications 2018 (SET)", "Erdős–Rényi: density ∝ (rows + cols) / (rows · cols)"),
    ERK("erk", "Evci et al., ICML 2020 (RigL)", "Erdős–Rényi-Kernel: density ∝ sum(dims) / prod(dims) of the kernel");

    private final Info info;

    DistributionPart(String key, String paper, String doc) {
        this.info = new Info(key, paper, doc);
    }

    @Override
    public Info info() {
        return info;
    }

    /** The distribution. */
    public Distribution distribution() {
        return switch (this) {
            case UNIFORM -> Distribution.uniform();
            case ER -> Distribution.erdosRenyi();
            case ERK -> Distribution.erdosRenyiKernel();
        };
    }
}

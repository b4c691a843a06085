package rewire.bench;

import java.util.Arrays;
import java.util.Locale;
import rewire.sparsity.GrowCriterion;
import rewire.sparsity.ch.CHVariant;
import rewire.sparsity.ch.CannistraciHebbGrowth;

/**
 * The grow criteria that {@link RewireBenchmark} compares, each with the DST method it stands for
 * and what the layer view must carry for it. Every one runs with magnitude pruning and drop
 * fraction 0.3, so the grower is the only difference.
 */
enum RewireBenchmarkGrower {
    /** Uniformly random growth: SET (Mocanu et al., Nature Communications 2018). */
    RANDOM("SET"),
    /** Largest |dense gradient| in row tiles through the dense GEMM: RigL (Evci et al., ICML 2020). */
    GRADIENT("RigL"),
    /** Largest |dense momentum|: SNFS (Dettmers and Zettlemoyer, 2019); needs a {@code DenseMomentum}. */
    MOMENTUM("SNFS"),
    /** 3/4 of the growth by gradient, the rest at random: MST's mixed growing (Hu et al., TMLR 2025). */
    MIXED("MST"),
    /** Cannistraci-Hebb link prediction, CH2-L3n: CHT/CHTs (Zhang et al., ICLR 2024; NeurIPS 2025). */
    CH2("CHT");

    /** MST's {@code grad_rand_ratio}: gradient to random growth as 3 to 1. */
    static final double MIXED_RATIO = 3;

    private final String method;

    RewireBenchmarkGrower(String method) {
        this.method = method;
    }

    /** The grower named by a JMH parameter such as "gradient" (case-insensitive). */
    static RewireBenchmarkGrower of(String name) {
        for (RewireBenchmarkGrower g : values()) {
            if (g.key().equals(name.toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new IllegalArgumentException("grower must be one of " + Arrays.toString(keys()) + ", got " + name);
    }

    /** The names {@link #of} accepts, in declaration order. */
    static String[] keys() {
        return Arrays.stream(values()).map(RewireBenchmarkGrower::key).toArray(String[]::new);
    }

    /** The JMH parameter value: the lower-case constant name. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The DST method this grower stands for, for the report. */
    String method() {
        return method;
    }

    /** A fresh grow criterion. */
    GrowCriterion criterion() {
        return switch (this) {
            case RANDOM -> GrowCriterion.random();
            case GRADIENT -> GrowCriterion.gradient();
            case MOMENTUM -> GrowCriterion.momentum();
            case MIXED -> GrowCriterion.gradientRandomMix(MIXED_RATIO);
            case CH2 -> CannistraciHebbGrowth.criterion(CHVariant.CH2);
        };
    }

    /** Whether the layer view needs a {@code DenseMomentum}, an {@code out x in} float buffer kept for the whole run. */
    boolean needsDenseMomentum() {
        return criterion().needsDenseMomentum();
    }
}

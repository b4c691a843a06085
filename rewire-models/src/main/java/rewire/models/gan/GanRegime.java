package rewire.models.gan;

/**
 * How sparse a GAN's two networks are and how their topologies move: the regimes compared in
 * ADAPT (Wang, Wu, Hovakimyan and Sun, "Balanced Training for Sparse GANs", NeurIPS 2023). With
 * {@code d_G} the generator's density and {@code d_max} the cap ({@link BalanceSettings}):
 */
public enum GanRegime {
    /** Both networks dense. */
    DENSE(false, false, false),
    /** Both static sparse (never rewired), the discriminator at {@code d_G}. */
    STATIC_BALANCE(false, false, false),
    /** Both static sparse, the discriminator at {@code d_max}. */
    STATIC_STRONG(false, true, false),
    /** DST on the generator only (RigL growth), the discriminator static at {@code d_G}. */
    SDST_BALANCE(true, false, false),
    /** DST on the generator only, the discriminator static at {@code d_max}. */
    SDST_STRONG(true, true, false),
    /** The generator static; only the discriminator's density is adjusted, by the DDA band (uncapped). */
    DDA(false, false, true),
    /** ADAPT_relax: DST on the generator, the discriminator's density controlled by the balance ratio up to 1. */
    ADAPT_RELAX(true, false, true),
    /** ADAPT_strict: as relaxed with the cap {@code d_max}, where the discriminator runs a DST exchange instead. */
    ADAPT_STRICT(true, false, true);

    private final boolean generatorRewires;
    private final boolean strongDiscriminator;
    private final boolean controlled;

    GanRegime(boolean generatorRewires, boolean strongDiscriminator, boolean controlled) {
        this.generatorRewires = generatorRewires;
        this.strongDiscriminator = strongDiscriminator;
        this.controlled = controlled;
    }

    /** Whether both networks are dense. */
    public boolean dense() {
        return this == DENSE;
    }

    /** Whether the generator's topology is updated by DST. */
    public boolean generatorRewires() {
        return generatorRewires;
    }

    /** Whether the discriminator's density is set by the balance ratio. */
    public boolean controlled() {
        return controlled;
    }

    /** The discriminator's density at the start. */
    public double discriminatorStart(BalanceSettings b) {
        return dense() ? 1 : strongDiscriminator ? b.maxDensity() : b.generatorDensity();
    }
}

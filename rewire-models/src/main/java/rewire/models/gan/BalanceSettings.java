package rewire.models.gan;

/**
 * The balance section of a GAN run: how sparse each network is and how its topology moves
 * ({@code regime}), and ADAPT's control of the discriminator's density by the balance ratio
 * (METHODS.md D.2). Densities are global over a network's fc, conv and transposed-conv weights,
 * split between layers by Erdos-Renyi-Kernel.
 *
 * @param regime           dense, static-balance, static-strong, sdst-balance, sdst-strong, dda,
 *                         adapt-relax or adapt-strict (see {@link GanRegime})
 * @param generatorDensity the generator's density d_G (and the discriminator's start in the balance,
 *                         DDA and ADAPT regimes)
 * @param maxDensity       d_max: the discriminator's density in the strong regimes and its cap in
 *                         adapt-strict (0.5 in the paper, independent of d_G)
 * @param low              ADAPT's band: at or below this balance ratio the discriminator's density falls
 * @param high             ADAPT's band: at or above this balance ratio it rises (the paper keeps BR in [0.45, 0.55])
 * @param ddaLow           the band's lower bound for dda (the paper's stand-alone DDA study: 0.5)
 * @param ddaHigh          the band's upper bound for dda (0.65)
 * @param step             the absolute density change of one decision (δ = 0.05)
 * @param floor            the discriminator's least density (0.05)
 * @param adjustEvery      discriminator updates between two decisions (update_frequency_D × n_critic)
 * @param deltaT           discriminator updates between two topology updates of the generator's DST
 *                         (a multiple of gan.nCritic; the generator updates at those steps)
 * @param zeta             the generator's drop fraction, cosine-decayed to 0.005 over the run (0.5)
 * @param atCapZeta        adapt-strict's drop fraction at the cap, cosine-decayed likewise (death_rate_D_dd_b = 0.5)
 */
public record BalanceSettings(GanRegime regime, double generatorDensity, double maxDensity, double low, double high,
                              double ddaLow, double ddaHigh, double step, double floor, long adjustEvery, long deltaT,
                              double zeta, double atCapZeta) {

    public BalanceSettings {
        if (regime == null) {
            throw new IllegalArgumentException("balance.regime must be set");
        }
        if (!(generatorDensity > 0 && generatorDensity <= 1) || !(maxDensity > 0 && maxDensity <= 1)) {
            throw new IllegalArgumentException("balance: generatorDensity and maxDensity must be in (0, 1], got "
                    + generatorDensity + " and " + maxDensity);
        }
        if (!(low < high) || !(ddaLow < ddaHigh)) {
            throw new IllegalArgumentException("balance: need low < high and ddaLow < ddaHigh, got [" + low + ", "
                    + high + "] and [" + ddaLow + ", " + ddaHigh + "]");
        }
        if (!(step > 0 && step <= 1) || !(floor > 0 && floor <= 1)) {
            throw new IllegalArgumentException("balance: step and floor must be in (0, 1], got " + step + " and "
                    + floor);
        }
        if (adjustEvery < 1 || deltaT < 1 || !(zeta >= 0 && zeta <= 1) || !(atCapZeta >= 0 && atCapZeta <= 1)) {
            throw new IllegalArgumentException("balance: adjustEvery and deltaT must be positive, zeta and atCapZeta in"
                    + " [0, 1]; got " + adjustEvery + ", " + deltaT + ", " + zeta + ", " + atCapZeta);
        }
    }

    public static BalanceSettings defaults() {
        return new BalanceSettings(GanRegime.ADAPT_RELAX, 0.1, 0.5, 0.45, 0.55, 0.5, 0.65, 0.05, 0.05, 100, 100, 0.5,
                0.5);
    }
}

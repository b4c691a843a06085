package rewire.models.marl.env;

/**
 * A healing ability (the medivac's): restores health of a biological ally in range at a fixed rate,
 * paying energy for every point healed.
 *
 * @param perLoop health restored per game loop while healing
 * @param hpPerEnergy health restored per point of energy
 * @param range reach, measured between the edges of the two units
 */
public record Heal(double perLoop, double hpPerEnergy, double range) {

    public Heal {
        if (perLoop <= 0 || hpPerEnergy <= 0 || range < 0) {
            throw new IllegalArgumentException("invalid heal: perLoop=" + perLoop + " hpPerEnergy=" + hpPerEnergy
                    + " range=" + range);
        }
    }
}

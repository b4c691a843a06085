package rewire.models.marl.env;

/**
 * A read-only snapshot of one unit, for plots, renders and tests.
 *
 * @param ally whether the agents control it
 * @param index agent id (allies) or enemy id
 * @param type unit type name
 * @param letter the type's render letter
 * @param x position in map cells
 * @param y position in map cells (north is +y)
 * @param health current health (0 when dead)
 * @param shield current shield
 * @param energy current energy
 * @param alive whether it still lives
 */
public record UnitView(boolean ally, int index, String type, char letter, double x, double y, double health,
                       double shield, double energy, boolean alive) {
}
